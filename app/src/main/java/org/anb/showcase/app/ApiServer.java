package org.anb.showcase.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import org.anb.showcase.app.audit.AuditLog;
import org.anb.showcase.app.auth.AccountLinks;
import org.anb.showcase.app.auth.AccountService;
import org.anb.showcase.app.auth.DisposableDomains;
import org.anb.showcase.app.auth.EmailConfirmation;
import org.anb.showcase.app.auth.GuardianConsent;
import org.anb.showcase.app.auth.HeldVoteExpiry;
import org.anb.showcase.app.auth.AuthRoutes;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.auth.LoginThrottle;
import org.anb.showcase.app.auth.PasswordChanges;
import org.anb.showcase.app.auth.PasswordHasher;
import org.anb.showcase.app.auth.PasswordRoutes;
import org.anb.showcase.app.auth.SignupChallenge;
import org.anb.showcase.app.auth.TokenService;
import org.anb.showcase.app.auth.UserRepository;
import org.anb.showcase.app.contest.ContestRoutes;
import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.contest.EditionRepository;
import org.anb.showcase.app.contest.EditionRules;
import org.anb.showcase.app.gallery.GalleryRepository;
import org.anb.showcase.app.gallery.GalleryRoutes;
import org.anb.showcase.app.gallery.ProfileRoutes;
import org.anb.showcase.app.gallery.PublicProfiles;
import org.anb.showcase.app.gallery.VoteWriter;
import org.anb.showcase.app.health.HealthRoutes;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.ErrorResponses;
import org.anb.showcase.app.http.JsonDirectHandler;
import org.anb.showcase.app.http.MediaLinks;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.limits.ClientAddresses;
import org.anb.showcase.app.limits.ClientLimit;
import org.anb.showcase.app.limits.ConcurrentRequestsPerClient;
import org.anb.showcase.app.limits.BucketStore;
import org.anb.showcase.app.mail.MailTransport;
import org.anb.showcase.app.mail.Outbox;
import org.anb.showcase.app.mail.OutboxSender;
import org.anb.showcase.app.observe.RequestMetrics;
import org.anb.showcase.app.openapi.OpenApiRoutes;
import org.anb.showcase.app.cities.CityRepository;
import org.anb.showcase.app.cities.CityRoutes;
import org.anb.showcase.app.integrity.IntegrityRepository;
import org.anb.showcase.app.integrity.IntegrityRoutes;
import org.anb.showcase.app.integrity.VoteReview;
import org.anb.showcase.app.moderation.ModerationRepository;
import org.anb.showcase.app.privacy.PrivacyRoutes;
import org.anb.showcase.app.videos.ObjectDeletions;
import org.anb.showcase.app.moderation.ModerationRoutes;
import org.anb.showcase.app.moderation.ReportRoutes;
import org.anb.showcase.app.ranking.RankingRepository;
import org.anb.showcase.app.ranking.RankingRoutes;
import org.anb.showcase.app.results.ResultsRepository;
import org.anb.showcase.app.results.ResultsRoutes;
import org.anb.showcase.app.site.ShareRoutes;
import org.anb.showcase.app.site.WebSite;
import org.anb.showcase.app.staff.OrganizerAccount;
import org.anb.showcase.app.staff.StaffGate;
import org.anb.showcase.app.staff.StaffRepository;
import org.anb.showcase.app.staff.StaffRoutes;
import org.anb.showcase.app.videos.UploadLimits;
import org.anb.showcase.app.videos.UploadSweeper;
import org.anb.showcase.app.videos.VideoRoutes;
import org.anb.showcase.core.db.DatabaseMigrations;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.core.lifecycle.CloseableStack;
import org.anb.showcase.core.lifecycle.PortUnavailableException;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.QueueSettings;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;

/**
 * The running API: migrates the schema, connects to PostgreSQL, S3 and SQS as configured, and serves every
 * {@link Endpoint} of every feature. {@code Main} runs it in production; the local mode and the tests start the same
 * thing against the embedded servers.
 */
public final class ApiServer implements AutoCloseable {
    private final WebServer server;
    private final List<Endpoint> endpoints;
    private final CloseableStack resources;

    private ApiServer(WebServer server, List<Endpoint> endpoints, CloseableStack resources) {
        this.server = server;
        this.endpoints = endpoints;
        this.resources = resources;
    }

    private static final double OBSERVE_BEFORE_ROUTES = 110;
    private static final String HEALTH_SOCKET = "health";

    /** @param config the root config: {@code server}, {@code db}, {@code storage}, {@code queue}, {@code auth}, {@code uploads} */
    public static ApiServer start(Config config) {
        Config authConfig = config.get("auth");
        ClientAddresses clients = ClientAddresses.from(authConfig);
        TokenService tokens = TokenService.from(authConfig); // fails fast on a missing or short secret
        DatabaseMigrations.migrate(config.get("db"));
        io.micrometer.core.instrument.MeterRegistry meters =
                Metrics.globalRegistry().unwrap(io.micrometer.core.instrument.MeterRegistry.class);
        DatabasePool pool = DatabasePool.open(config.get("db")).publishingMetricsTo(meters);
        DbClient db = pool.client();
        BucketStore buckets = BucketStore.from(config.get("limits"), pool.dataSource());
        ObjectStore store = new ObjectStore(StorageSettings.from(config.get("storage")));
        JobQueue queue = new JobQueue(QueueSettings.from(config.get("queue")));
        UploadLimits limits = UploadLimits.from(config.get("uploads"));

        UserRepository users = new UserRepository(db);
        Authenticator auth = new Authenticator(tokens, users);
        PasswordHasher hasher = PasswordHasher.from(authConfig);
        config.get("staff.organizer-email").asString().filter(email -> !email.isBlank()).ifPresent(email ->
                new OrganizerAccount(db).ensure(email, config.get("staff.organizer-password").asString().orElse(""),
                        hasher));
        EditionRepository editionRows = new EditionRepository(db);
        CurrentEdition edition = new CurrentEdition(editionRows,
                Duration.ofMillis(config.get("contest.fresh-ms").asLong().orElse(1000L)), Clock.systemUTC());
        EditionRules rules = new EditionRules(edition, db);
        StaffGate gate = new StaffGate(auth);
        AuditLog audit = new AuditLog(db);
        ModerationRepository moderation = new ModerationRepository(db);

        String siteUrl = ShareRoutes.siteUrl(config);
        Outbox outbox = new Outbox(siteUrl);
        EmailConfirmation confirmation = new EmailConfirmation(db, new AccountLinks(), outbox);
        GuardianConsent guardians = new GuardianConsent(db, new AccountLinks(), outbox);
        ObjectDeletions deletions = new ObjectDeletions(db, store);
        PasswordChanges passwords = new PasswordChanges(db, new AccountLinks(), outbox, hasher, users);
        ClientLimit mailings = ClientLimit.from("mail", config.get("limits.mail"), 10, Duration.ofHours(1), buckets,
                clients);
        HealthRoutes health = new HealthRoutes(db, queue, store);
        PublicPages pages = PublicPages.from(config.get("public-reads")).publishingMetricsTo(meters);
        GalleryRepository gallery = new GalleryRepository(db);
        VoteWriter votes = new VoteWriter(gallery);
        RankingRepository rankings = new RankingRepository(db);
        PublicProfiles profiles = new PublicProfiles(gallery, rankings, new MediaLinks(store), edition);
        List<Endpoint> endpoints = Stream.of(
                new AuthRoutes(new AccountService(db, users, hasher, tokens,
                        LoginThrottle.from(authConfig.get("login-throttle"), buckets), confirmation,
                        DisposableDomains.from(authConfig), guardians),
                        tokens, clients, ClientLimit.from("signup", config.get("limits.signup"), 10, Duration.ofHours(1),
                                buckets, clients),
                        auth, users, confirmation, mailings, SignupChallenge.from(db, authConfig), edition)
                        .endpoints(),
                new PasswordRoutes(passwords, auth, mailings).endpoints(),
                new PrivacyRoutes(db, auth, guardians, passwords, deletions, pages).endpoints(),
                VideoRoutes.create(db, store, queue, auth, limits, pages, rules).endpoints(),
                new GalleryRoutes(gallery, votes, auth, profiles,
                        ClientLimit.from("vote", config.get("limits.vote"), 120, Duration.ofMinutes(1), buckets, clients), pages,
                        rules, edition, clients).endpoints(),
                new RankingRoutes(rankings, pages, edition).endpoints(),
                new ProfileRoutes(profiles, auth, pages, edition).endpoints(),
                new ShareRoutes(profiles, pages, siteUrl, store.browserOrigin()).endpoints(),
                new ContestRoutes(db, editionRows, edition, audit, gate, pages).endpoints(),
                new StaffRoutes(db, new StaffRepository(db), audit, gate).endpoints(),
                new ReportRoutes(moderation, auth,
                        ClientLimit.from("report", config.get("limits.report"), 30, Duration.ofHours(1), buckets,
                                clients)).endpoints(),
                new ModerationRoutes(db, moderation, audit, gate, new MediaLinks(store), pages).endpoints(),
                new IntegrityRoutes(new IntegrityRepository(db), new VoteReview(db, audit), edition, gate, pages)
                        .endpoints(),
                new ResultsRoutes(db, new ResultsRepository(db), edition, audit, auth, gate, new MediaLinks(store),
                        pages).endpoints(),
                new CityRoutes(db, new CityRepository(db), audit, gate, pages).endpoints(),
                health.endpoints(),
                new OpenApiRoutes().endpoints()
        ).flatMap(List::stream).toList();
        Optional<HttpService> site = WebSite.from(config.get("site"), store.browserOrigin());

        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .featuresDiscoverServices(false)
                .directHandlers(JsonDirectHandler::register)
                // Prometheus text at /observe/metrics: outside /api, so CloudFront never routes the public to it.
                // Weighed above the routes (100) so the JSON catch-all 404 below does not shadow it.
                // Also on the health listener: readable while a flood holds every slot of the main one.
                .addFeature(ObserveFeature.builder().weight(OBSERVE_BEFORE_ROUTES)
                        .sockets(List.of(WebServer.DEFAULT_SOCKET_NAME, HEALTH_SOCKET))
                        .addObserver(MetricsObserver.create()).build())
                // The load balancer's health checks on their own listener: a flood of slow requests filling the main
                // listener's slots cannot make every node look dead.
                .putSocket(HEALTH_SOCKET, socket -> socket.host(config.get("server.host").asString().orElse("0.0.0.0"))
                        .port(config.get("health.port").asInt().orElse(8082)).maxConcurrentRequests(32))
                .routing(HEALTH_SOCKET, routing -> route(routing, health.endpoints(), Optional.empty(), List.of()))
                .routing(routing -> route(routing, endpoints, site, List.of(new ConcurrentRequestsPerClient(
                        config.get("limits.concurrent-per-client").asInt().orElse(32), clients))))
                .build()
                .start();
        UploadSweeper sweeper = UploadSweeper.create(db, store, queue, limits, deletions);
        sweeper.start();
        CloseableStack resources = new CloseableStack();
        resources.push(db);
        resources.push(buckets);
        resources.push(votes);
        resources.push(store);
        resources.push(queue);
        resources.push(server::stop);
        resources.push(sweeper);
        resources.push(new OutboxSender(db, MailTransport.from(config.get("mail")), outbox,
                Duration.ofMillis(config.get("mail.poll-ms").asLong().orElse(1000L))));
        resources.push(new HeldVoteExpiry(db, Duration.ofDays(config.get("auth.held-votes-days").asLong().orElse(7L)),
                Duration.ofMillis(config.get("auth.held-votes-sweep-ms").asLong().orElse(60_000L))));
        if (!server.isRunning()) {
            resources.close();
            throw new PortUnavailableException("the API", config.get("server.port").asInt().orElse(8080));
        }
        return new ApiServer(server, endpoints, resources);
    }

    private static void route(HttpRouting.Builder routing, List<Endpoint> endpoints,
                              Optional<HttpService> site, List<Filter> filters) {
        ErrorResponses.register(routing);
        filters.forEach(routing::addFilter);
        RequestMetrics metrics = new RequestMetrics();
        endpoints.forEach(e -> routing.route(e.method(), e.path(), metrics.timed(e)));
        site.ifPresent(files -> routing.register("/", files));
        routing.any(ErrorResponses::notFound);
    }

    public int port() {
        return server.port();
    }

    /** The health listener's port: {@code /api/health} and {@code /api/health/live}, nothing else. */
    public int healthPort() {
        return server.port(HEALTH_SOCKET);
    }

    /** Every route this server answers, for the OpenAPI contract test. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        resources.close();
    }
}
