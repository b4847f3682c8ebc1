package org.anb.showcase.worker;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

/**
 * Production entry point: configuration from worker.yaml, overridden by environment variables. SIGTERM (an Auto
 * Scaling scale-in) runs the shutdown hook: stop receiving, finish or release the jobs in flight, exit.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        WorkerService worker = WorkerService.start(Config.builder().sources(ConfigSources.classpath("worker.yaml")).build());
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "worker-shutdown"));
        System.out.println("ANB Showcase worker running; health and metrics on port " + worker.observePort());
    }
}
