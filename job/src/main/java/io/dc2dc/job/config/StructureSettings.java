package io.dc2dc.job.config;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Options for what is replicated ({@code filter.}) and how the destination's structure may differ
 * from the source's ({@code structure.}). All of them may change between a stop with a savepoint
 * and the resume: a newly included collection is copied, a newly excluded one stops and stays on
 * the destination.
 */
public final class StructureSettings {

    private StructureSettings() {}

    public static final ConfigOption<List<String>> INCLUDE_DATABASES =
            ConfigOptions.key("filter.include-databases")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Databases to replicate (regular expressions matching the whole name,"
                                    + " separated by ';'). Empty: every database.");

    public static final ConfigOption<List<String>> EXCLUDE_DATABASES =
            ConfigOptions.key("filter.exclude-databases")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription("Databases not to replicate (regular expressions).");

    public static final ConfigOption<List<String>> INCLUDE_COLLECTIONS =
            ConfigOptions.key("filter.include-collections")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Collections to replicate (regular expressions; one containing '/'"
                                    + " matches 'database/collection', any other the collection"
                                    + " name). Empty: every collection.");

    public static final ConfigOption<List<String>> EXCLUDE_COLLECTIONS =
            ConfigOptions.key("filter.exclude-collections")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription("Collections not to replicate (regular expressions).");

    public static final ConfigOption<Boolean> DROP_EXCLUDED =
            ConfigOptions.key("filter.drop-excluded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Whether a replicated database or collection that the rules now leave"
                                    + " out is dropped on the destination (after a checkpoint);"
                                    + " by default it stays as it was.");

    public static final ConfigOption<Integer> MIN_REPLICATION_FACTOR =
            ConfigOptions.key("structure.min-replication-factor")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Smallest replication factor of destination databases and"
                                    + " collections; a smaller source value is raised.");

    public static final ConfigOption<Integer> MAX_REPLICATION_FACTOR =
            ConfigOptions.key("structure.max-replication-factor")
                    .intType()
                    .defaultValue(Integer.MAX_VALUE)
                    .withDescription(
                            "Largest replication factor of destination databases and collections"
                                    + " (e.g. the destination's number of DB-servers); a larger"
                                    + " source value is lowered, and the write concern with it.");

    public static final ConfigOption<Boolean> EXCLUDE_ROOT_USER =
            ConfigOptions.key("structure.exclude-root-user")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Leave the 'root' user out of user replication (default true): the"
                                    + " destination's root keeps its own password and"
                                    + " permissions. Set it to false to copy the source's root"
                                    + " too; this changes the destination root's password to"
                                    + " the source's, which breaks a job (or anything else) that"
                                    + " logs in to the destination as root with basic auth and"
                                    + " the old password (a job using destination.jwt-secret-*"
                                    + " is not affected).");
}
