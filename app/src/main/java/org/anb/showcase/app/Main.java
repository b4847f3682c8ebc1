package org.anb.showcase.app;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import org.anb.showcase.app.staff.OrganizerAccount;
import org.anb.showcase.core.db.DatabaseMigrations;
import org.anb.showcase.core.db.DatabasePool;

/**
 * Production entry point: configuration from application.yaml, overridden by environment variables. With the
 * arguments {@code promote-organizer <email>} it runs that one-off operator command instead (docs/operations.md).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        if (args.length > 0) {
            System.exit(command(config, args));
        }
        ApiServer api = ApiServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "api-shutdown"));
        System.out.println("ANB Showcase API listening on port " + api.port());
    }

    private static int command(Config config, String[] args) {
        if (args.length != 2 || !"promote-organizer".equals(args[0])) {
            System.err.println("usage: promote-organizer <email of an account that already signed up>");
            return 2;
        }
        DatabaseMigrations.migrate(config.get("db"));
        try (var pool = DatabasePool.open(config.get("db"))) {
            boolean promoted = new OrganizerAccount(pool.client()).promote(args[1]);
            System.out.println(promoted ? "organizer: " + args[1] : "no account with that e-mail: sign up first");
            return promoted ? 0 : 1;
        }
    }
}
