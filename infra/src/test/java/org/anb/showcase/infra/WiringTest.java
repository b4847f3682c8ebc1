package org.anb.showcase.infra;

import org.anb.showcase.infra.edge.Cdn;
import org.anb.showcase.infra.edge.LoadBalancer;
import org.anb.showcase.infra.edge.PublicReadCaching;
import org.anb.showcase.infra.edge.SharePageCaching;
import org.anb.showcase.infra.edge.SiteFiles;
import org.anb.showcase.infra.edge.StaticSite;
import org.anb.showcase.infra.observe.Alarms;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The parts are connected the way the architecture says. */
class WiringTest {
    private final DeployedStack dev = DeployedStack.of("dev");

    @Test
    void eachTierRunsThePushedDigestOfItsOwnImage() {
        for (String tier : List.of("api", "worker")) {
            var image = dev.named("docker:index/image:Image", "anb-dev-" + tier);
            assertThat(String.valueOf(input(image, "build"))).contains((tier.equals("api") ? "app" : "worker") + "/Dockerfile");
            String script = UserDataScripts.decode(dev.named("aws:ec2/launchTemplate:LaunchTemplate", "anb-dev-" + tier));
            assertThat(script).containsPattern("IMAGE='[^']+/anb-dev-" + tier + "@sha256:[0-9a-f]+'")
                    .contains("docker run -d --name anb-" + tier);
        }
    }

    /** CloudFront forwards only the query parameters in the key: one the API documents but the key lacks is lost. */
    @Test
    @SuppressWarnings("unchecked")
    void everyQueryParameterOfAPublicReadReachesTheApi() throws java.io.IOException {
        Map<String, Object> openapi = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(
                java.nio.file.Path.of("../app/src/main/resources/org/anb/showcase/app/openapi/openapi.yaml")));
        Map<String, Map<String, Object>> shared = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) openapi.get("components")).get("parameters");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        java.util.Set<String> documentedForShares = new java.util.TreeSet<>();
        ((Map<String, Map<String, Object>>) openapi.get("paths")).forEach((path, operations) -> {
            Object get = operations.get("get");
            boolean share = path.startsWith("/v/") || path.startsWith("/jugador/") || path.equals("/oembed");
            if ((path.startsWith("/api/public/") || share) && get instanceof Map<?, ?> operation
                    && operation.get("parameters") instanceof List<?> parameters) {
                for (Object p : parameters) {
                    Map<String, Object> parameter = (Map<String, Object>) p;
                    Object ref = parameter.get("$ref");
                    Map<String, Object> resolved = ref == null ? parameter
                            : shared.get(String.valueOf(ref).substring("#/components/parameters/".length()));
                    if ("query".equals(resolved.get("in"))) {
                        (share ? documentedForShares : documented).add(String.valueOf(resolved.get("name")));
                    }
                }
            }
        });
        assertThat(documented).isNotEmpty();
        assertThat(PublicReadCaching.QUERY_KEYS).containsAll(documented);
        assertThat(documentedForShares).isNotEmpty();
        assertThat(SharePageCaching.QUERY_KEYS).containsAll(documentedForShares);
    }

    @Test
    void sharePagesAreRenderedByTheApiCachedByTheirOwnPolicyAndSentWithTheSitesSecurityHeaders() {
        var cdn = dev.named("aws:cloudfront/distribution:Distribution", "anb-dev-cdn");
        List<?> behaviours = (List<?>) input(cdn, "orderedCacheBehaviors");
        Object siteHeaders = ((Map<?, ?>) input(cdn, "defaultCacheBehavior")).get("responseHeadersPolicyId");
        assertThat(siteHeaders).isNotNull();
        for (String path : List.of("/v/*", "/jugador/*", "/oembed")) {
            Map<?, ?> share = behaviour(behaviours, path);
            assertThat(share.get("targetOriginId")).as(path).isEqualTo(Cdn.API_ORIGIN);
            assertThat(share.get("allowedMethods")).as(path).isEqualTo(List.of("GET", "HEAD"));
            assertThat(share.get("cachePolicyId")).as(path).isEqualTo("anb-dev-share-pages-id");
            assertThat(share.get("responseHeadersPolicyId")).as(path + ": CSP, HSTS, no framing")
                    .isEqualTo(siteHeaders);
            assertThat(share.get("viewerProtocolPolicy")).isEqualTo("redirect-to-https");
        }
        var policy = dev.named("aws:cloudfront/cachePolicy:CachePolicy", "anb-dev-share-pages");
        assertThat(input(policy, "defaultTtl")).isEqualTo(60.0);
        assertThat(input(policy, "maxTtl")).as("a disqualified video's page is gone within five minutes at most")
                .isEqualTo(300.0);
        Map<?, ?> key = (Map<?, ?>) input(policy, "parametersInCacheKeyAndForwardedToOrigin");
        assertThat(String.valueOf(key.get("queryStringsConfig"))).contains("whitelist", "[url, format]");
        assertThat(String.valueOf(key.get("cookiesConfig"))).contains("none");
        assertThat(String.valueOf(key.get("headersConfig"))).as("no token or cookie ever reaches a shared page")
                .contains("none");
    }

    @Test
    void publicReadsAreCachedAsTheApiSaysKeyedOnPageSizeAndCityAndNeverSharedBetweenViewers() {
        List<?> behaviours = (List<?>) input(dev.named("aws:cloudfront/distribution:Distribution", "anb-dev-cdn"),
                "orderedCacheBehaviors");
        Map<?, ?> reads = behaviour(behaviours, "/api/public/*");
        assertThat(behaviours.indexOf(reads)).as("matched before /api/*")
                .isLessThan(behaviours.indexOf(behaviour(behaviours, "/api/*")));
        assertThat(reads.get("targetOriginId")).isEqualTo(Cdn.API_ORIGIN);
        assertThat(reads.get("cachedMethods")).isEqualTo(List.of("GET", "HEAD"));
        assertThat(reads.get("cachePolicyId")).isEqualTo("anb-dev-public-reads-id");

        var policy = dev.named("aws:cloudfront/cachePolicy:CachePolicy", "anb-dev-public-reads");
        assertThat(input(policy, "defaultTtl")).as("nothing is cached without the API's Cache-Control").isEqualTo(0.0);
        assertThat(input(policy, "maxTtl")).isEqualTo((double) PublicReadCaching.MAX_SECONDS);
        Map<?, ?> key = (Map<?, ?>) input(policy, "parametersInCacheKeyAndForwardedToOrigin");
        assertThat(String.valueOf(key.get("queryStringsConfig"))).contains("whitelist", "[page, page_size, city, q, sort, seed, expand]");
        assertThat(String.valueOf(key.get("cookiesConfig"))).contains("none");
        assertThat(String.valueOf(key.get("headersConfig"))).as("a viewer's token keys its own (uncached) answer")
                .contains("whitelist", "[Authorization]");
    }

    @Test
    void cloudFrontSendsTheApiUncachedWithAuthorizationAndMediaThroughOac() {
        var cdn = dev.named("aws:cloudfront/distribution:Distribution", "anb-dev-cdn");
        List<?> behaviours = (List<?>) input(cdn, "orderedCacheBehaviors");
        Map<?, ?> api = behaviour(behaviours, "/api/*");
        assertThat(api.get("targetOriginId")).isEqualTo(Cdn.API_ORIGIN);
        assertThat((List<?>) api.get("allowedMethods")).hasSize(7);
        assertThat(String.valueOf(api.get("forwardedValues"))).contains("Authorization").contains("queryString=true");
        assertThat(api.get("maxTtl")).isEqualTo(0.0);
        assertThat(api.get("viewerProtocolPolicy")).isEqualTo("redirect-to-https");
        Map<?, ?> media = behaviour(behaviours, "/media/*");
        assertThat(media.get("targetOriginId")).isEqualTo(Cdn.MEDIA_ORIGIN);
        assertThat(media.get("cachePolicyId")).isEqualTo(Cdn.CACHING_OPTIMIZED);
        assertThat(String.valueOf(media.get("functionAssociations"))).contains("viewer-request");

        List<?> origins = (List<?>) input(cdn, "origins");
        assertThat(String.valueOf(origin(origins, Cdn.API_ORIGIN).get("customHeaders")))
                .contains(LoadBalancer.ORIGIN_HEADER);
        assertThat(origin(origins, Cdn.MEDIA_ORIGIN).get("originAccessControlId")).isEqualTo("anb-dev-media-id");
        assertThat(String.valueOf(input(dev.named("aws:cloudfront/function:Function", "anb-dev-strip-media"), "code")))
                .contains("/media");
    }

    @Test
    void everythingElseIsTheSiteFromItsOwnBucketWithThePageFallbackAndSecurityHeaders() {
        var cdn = dev.named("aws:cloudfront/distribution:Distribution", "anb-dev-cdn");
        Map<?, ?> site = (Map<?, ?>) input(cdn, "defaultCacheBehavior");
        assertThat(site.get("targetOriginId")).isEqualTo(Cdn.SITE_ORIGIN);
        assertThat(site.get("allowedMethods")).isEqualTo(List.of("GET", "HEAD"));
        assertThat(site.get("cachePolicyId")).isEqualTo("anb-dev-site-id");
        assertThat(site.get("responseHeadersPolicyId")).isEqualTo("anb-dev-site-id");
        String headers = String.valueOf(dev.named("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
                "anb-dev-site").inputs());
        assertThat(headers).as("the page may reach exactly this stack's media bucket, no other S3 host")
                .contains("https://anb-dev-media-mock.s3.us-east-1.amazonaws.com", "frame-ancestors 'none'",
                        "frameOption=DENY", "includeSubdomains=true")
                .doesNotContain("*.amazonaws.com", "localhost");
        assertThat(String.valueOf(site.get("functionAssociations"))).contains("viewer-request")
                .contains("anb-dev-spa-fallback");
        assertThat(input(cdn, "defaultRootObject")).isEqualTo("index.html");
        assertThat(origin((List<?>) input(cdn, "origins"), Cdn.SITE_ORIGIN).get("originAccessControlId"))
                .isEqualTo("anb-dev-site-id");
        assertThat(String.valueOf(input(dev.named("aws:cloudfront/function:Function", "anb-dev-spa-fallback"), "code")))
                .contains("'/index.html'").contains("indexOf('.')");
        var caching = dev.named("aws:cloudfront/cachePolicy:CachePolicy", "anb-dev-site");
        assertThat(input(caching, "minTtl")).as("index.html's no-cache is obeyed at the edge").isEqualTo(0.0);
    }

    @Test
    void everySiteFileIsUploadedIndexNeverCachedAndVersionedAssetsCachedForAYear() throws Exception {
        SiteFiles files = SiteFiles.read(StaticSite.SITE_DIR);
        var objects = dev.registered("aws:s3/bucketObjectv2:BucketObjectv2");
        List<String> onDisk;
        try (Stream<Path> walk = Files.walk(StaticSite.SITE_DIR)) {
            onDisk = walk.filter(Files::isRegularFile).map(p -> StaticSite.SITE_DIR.relativize(p).toString())
                    .map(p -> p.replaceFirst("^assets/", "assets/" + files.version() + "/")).toList();
        }
        assertThat(objects).extracting(o -> input(o, "key")).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(objects).allSatisfy(o -> assertThat(input(o, "bucket")).isEqualTo("anb-dev-site-id"));
        var index = dev.named("aws:s3/bucketObjectv2:BucketObjectv2", "anb-dev-site/index.html");
        assertThat(input(index, "cacheControl")).isEqualTo("no-cache");
        assertThat(String.valueOf(input(index, "content")))
                .contains("src=\"/assets/" + files.version() + "/app.js\"").doesNotContain("\"/assets/app.js\"");
        assertThat(objects).filteredOn(o -> o != index).allSatisfy(asset ->
                assertThat(input(asset, "cacheControl")).isEqualTo("public, max-age=31536000, immutable"));
        assertThat(DeployedStack.value(dev.result.output("siteVersion", String.class))).isEqualTo(files.version());
    }

    @Test
    void theApiIsToldToServeProcessedMediaFromCloudFront() {
        String script = UserDataScripts.decode(dev.named("aws:ec2/launchTemplate:LaunchTemplate", "anb-dev-api"));
        assertThat(script).contains("STORAGE_PUBLIC_DASH_BASE_DASH_URL=https://d1234abcd.cloudfront.net/media")
                .contains("QUEUE_JOBS_DASH_QUEUE=https://sqs.us-east-1.amazonaws.com/")
                .containsPattern("(secret_\\d+)=\\$\\(aws secretsmanager get-secret-value [^\\n]*anb-dev-jwt(?s).*"
                        + "AUTH_JWT_DASH_SECRET \"\\$\\1\"");
    }

    @Test
    void theApiGroupSitsBehindTheTargetGroupAndScalesOnCpuAndRefreshesOnChange() {
        var api = dev.named("aws:autoscaling/group:Group", "anb-dev-api");
        assertThat(String.valueOf(input(api, "targetGroupArns"))).contains("anb-dev-api");
        assertThat(input(api, "healthCheckType")).isEqualTo("ELB");
        assertThat(String.valueOf(input(api, "instanceRefresh"))).contains("Rolling");
        var cpu = dev.named("aws:autoscaling/policy:Policy", "anb-dev-api-cpu");
        assertThat(String.valueOf(input(cpu, "targetTrackingConfiguration")))
                .contains("ASGAverageCPUUtilization").contains("targetValue=70.0");
        var health = dev.named("aws:lb/targetGroup:TargetGroup", "anb-dev-api");
        assertThat(input(health, "healthCheck.path")).as("liveness: a database blip must not cycle every instance")
                .isEqualTo("/api/health/live");
    }

    @Test
    void workersScaleOnBacklogPerInstance() {
        var policy = dev.named("aws:autoscaling/policy:Policy", "anb-dev-worker-backlog");
        String tracking = String.valueOf(input(policy, "targetTrackingConfiguration"));
        assertThat(tracking).contains("ApproximateNumberOfMessagesVisible").contains("GroupInServiceInstances")
                .contains("(visible + inFlight) / workers").contains("targetValue=6.0");
    }

    @Test
    void theStackExportsWhatOperatorsNeed() {
        assertThat(dev.result.outputs().keySet()).contains("url", "apiBaseUrl", "albDnsName", "bucketName",
                "jobsQueueUrl", "deadLetterQueueUrl", "apiRepositoryUrl", "workerRepositoryUrl", "dbEndpoint", "dbSecretArn",
                "apiImage", "workerImage");
        assertThat(DeployedStack.value(dev.result.output("apiBaseUrl", String.class)))
                .isEqualTo("https://d1234abcd.cloudfront.net/api");
    }

    private static Map<?, ?> behaviour(List<?> behaviours, String pattern) {
        return behaviours.stream().map(b -> (Map<?, ?>) b).filter(b -> pattern.equals(b.get("pathPattern")))
                .findFirst().orElseThrow(() -> new AssertionError("no behaviour for " + pattern));
    }

    private static Map<?, ?> origin(List<?> origins, String id) {
        return origins.stream().map(o -> (Map<?, ?>) o).filter(o -> id.equals(o.get("originId")))
                .findFirst().orElseThrow(() -> new AssertionError("no origin " + id));
    }

    @Test
    void everySignalAnOperatorNeedsHasAnAlarmAndEveryAlarmNotifiesTheTopic() throws Exception {
        var alarms = dev.registered("aws:cloudwatch/metricAlarm:MetricAlarm");
        assertThat(alarms.stream().map(MockCloud.Registration::name)).containsExactlyInAnyOrder("anb-dev-jobs-dead-lettered",
                "anb-dev-jobs-waiting", "anb-dev-alb-own-5xx", "anb-dev-alb-5xx-rate", "anb-dev-api-p95-latency",
                "anb-dev-api-unhealthy", "anb-dev-api-none-healthy", "anb-dev-cdn-5xx-rate", "anb-dev-api-at-max", "anb-dev-workers-at-max", "anb-dev-db-cpu",
                "anb-dev-db-connections",
                "anb-dev-db-storage");
        String topic = "arn:aws:sns:us-east-1:123456789012:anb-dev-alarms";
        assertThat(alarms).allSatisfy(alarm -> assertThat(input(alarm, "alarmActions")).isEqualTo(java.util.List.of(topic)));
        assertThat(input(dev.named("aws:cloudwatch/metricAlarm:MetricAlarm", "anb-dev-api-p95-latency"),
                "extendedStatistic")).isEqualTo("p95");

        // The worker drains its dead-letter queue itself, so dead letters are counted from its own log line.
        var filter = dev.named("aws:cloudwatch/logMetricFilter:LogMetricFilter", "anb-dev-dead-lettered");
        assertThat(input(filter, "logGroupName")).isEqualTo("/anb/anb-dev-worker");
        assertThat(input(filter, "pattern")).isEqualTo(Alarms.DEAD_LETTER_LOG_PATTERN);
        String handler = java.nio.file.Files.readString(DeployedStack.repositoryRoot()
                .resolve("worker/src/main/java/org/anb/showcase/worker/consume/DeadLetterHandler.java"));
        assertThat(handler).as("the worker still writes the line the alarm counts")
                .contains(Alarms.DEAD_LETTER_LOG_PATTERN.replace("\"", ""));
    }

    @Test
    void theDashboardShowsWhatTheAlarmsWatch() {
        String body = String.valueOf(input(dev.named("aws:cloudwatch/dashboard:Dashboard", "anb-dev"), "dashboardBody"));
        assertThat(body).contains("HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "TargetResponseTime",
                "ApproximateAgeOfOldestMessage", "anb-dev-dead-lettered-jobs", "DatabaseConnections", "FreeStorageSpace",
                "app/anb-dev-alb/abc", "anb-dev-jobs");
    }
}
