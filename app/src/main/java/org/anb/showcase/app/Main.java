package org.anb.showcase.app;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/** Production entry point: configuration from application.yaml, overridden by environment variables. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        ApiServer api = ApiServer.start(Config.create());
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "api-shutdown"));
        System.out.println("ANB Showcase API listening on port " + api.port());
    }
}
