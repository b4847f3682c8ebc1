package org.anb.showcase.infra.data;

import org.anb.showcase.infra.StackConfig;

import java.util.Map;

/**
 * What the database can hold and what the fleets' connection pools take at full scale: the connections alarm is set
 * from the instance class, and a stack whose pools could not fit is refused before anything is created.
 */
public record DatabaseConnections(String instanceClass, int limit, int pooledAtFullScale) {
    /**
     * {@code db.connection.maximumPoolSize} in app/src/main/resources/application.yaml: what a pool holds at its
     * busiest (it keeps {@code minimumIdle} when quiet); the alarm and the class are sized for this.
     */
    static final int API_POOL = 16;
    /** The same in worker/src/main/resources/worker.yaml. */
    static final int WORKER_POOL = 4;
    /** Room for people: psql, a migration, RDS's own. */
    static final int ADMIN = 5;
    static final double ALARM_SHARE = 0.8;

    /**
     * RDS PostgreSQL's default {@code max_connections} is {@code LEAST(DBInstanceClassMemory/9531392, 5000)};
     * DBInstanceClassMemory is the class's memory less what the OS and RDS keep, so the values are those RDS reports
     * per memory size (1 GiB: 81 ... 32 GiB: 3,355). A class not listed must be added here with its memory.
     */
    private static final Map<Integer, Integer> BY_GIB = Map.of(1, 81, 2, 181, 4, 368, 8, 823, 16, 1660, 32, 3355,
            64, 5000);
    private static final Map<String, Integer> GIB = Map.ofEntries(
            Map.entry("db.t4g.micro", 1), Map.entry("db.t4g.small", 2), Map.entry("db.t4g.medium", 4),
            Map.entry("db.t4g.large", 8), Map.entry("db.t4g.xlarge", 16), Map.entry("db.t4g.2xlarge", 32),
            Map.entry("db.m7g.large", 8), Map.entry("db.m7g.xlarge", 16), Map.entry("db.m7g.2xlarge", 32),
            Map.entry("db.m7g.4xlarge", 64), Map.entry("db.r7g.large", 16), Map.entry("db.r7g.xlarge", 32),
            Map.entry("db.r7g.2xlarge", 64));

    public static DatabaseConnections of(StackConfig config) {
        Integer gib = GIB.get(config.dbInstanceClass());
        if (gib == null) {
            throw new IllegalArgumentException("anb:dbInstanceClass " + config.dbInstanceClass() + " is not one this "
                    + "program knows the connection limit of; add it to DatabaseConnections (one of " + GIB.keySet() + ")");
        }
        var connections = new DatabaseConnections(config.dbInstanceClass(), BY_GIB.get(gib),
                API_POOL * config.apiMaxSize() + WORKER_POOL * config.workerMaxSize() + ADMIN);
        if (connections.pooledAtFullScale() > connections.alarmThreshold()) {
            throw new IllegalArgumentException("at full scale the pools hold " + connections.pooledAtFullScale()
                    + " connections (" + API_POOL + " per API instance x anb:apiMaxSize " + config.apiMaxSize() + ", "
                    + WORKER_POOL + " per worker x anb:workerMaxSize " + config.workerMaxSize() + ", " + ADMIN
                    + " for people), more than " + (int) (ALARM_SHARE * 100) + " % of the " + connections.limit()
                    + " that " + config.dbInstanceClass() + " allows: choose a larger anb:dbInstanceClass or fewer instances");
        }
        return connections;
    }

    /** The alarm fires past this: the pools never reach it, so something else is holding connections. */
    public int alarmThreshold() {
        return (int) (limit * ALARM_SHARE);
    }
}
