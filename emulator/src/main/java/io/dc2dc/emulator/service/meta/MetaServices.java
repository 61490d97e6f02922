package io.dc2dc.emulator.service.meta;

import io.dc2dc.emulator.model.Cluster;
import io.dc2dc.emulator.service.CollectionService;
import io.dc2dc.emulator.service.DocumentService;

/**
 * The metadata services of one emulated cluster (indexes, views, analyzers, graphs, AQL user
 * functions, users, Foxx service listing), built once next to the core services. Thread-safe.
 */
public final class MetaServices {
    private final IndexService indexes;
    private final Views views;
    private final SystemDocuments systemDocuments;
    private final Analyzers analyzers;
    private final Graphs graphs;
    private final AqlFunctions aqlFunctions;
    private final Users users;

    public MetaServices(Cluster cluster, CollectionService collections, DocumentService documents) {
        this.indexes = new IndexService(cluster, new UniqueIndexes(cluster));
        this.views = new Views(cluster);
        this.systemDocuments = new SystemDocuments(cluster, documents);
        this.analyzers = new Analyzers(cluster, systemDocuments, views);
        this.graphs = new Graphs(cluster, collections, systemDocuments);
        this.aqlFunctions = new AqlFunctions(cluster, systemDocuments);
        this.users = new Users(cluster, systemDocuments);
    }

    public IndexService indexes() {
        return indexes;
    }

    public Views views() {
        return views;
    }

    public SystemDocuments systemDocuments() {
        return systemDocuments;
    }

    public Analyzers analyzers() {
        return analyzers;
    }

    public Graphs graphs() {
        return graphs;
    }

    public AqlFunctions aqlFunctions() {
        return aqlFunctions;
    }

    public Users users() {
        return users;
    }
}
