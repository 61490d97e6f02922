package io.dc2dc.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.dc2dc.emulator.http.ApiException;
import io.dc2dc.emulator.model.DocumentJson;
import io.dc2dc.emulator.model.Shard;

/**
 * One element of a document request after preparation: its key and shard, the request body, the
 * pre-encoded new document (inserts and replaces), or the error that already decides it.
 */
record WriteItem(
        int index,
        String key,
        Shard shard,
        JsonNode body,
        DocumentJson.Prepared doc,
        ApiException error) {}
