package org.anb.showcase.infra;

import org.anb.showcase.infra.data.GeneratedSecret;
import org.anb.showcase.infra.delivery.PromotedImages;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the stack reads from its Pulumi config ({@code Pulumi.<stack>.yaml}, namespace {@code anb}), read once.
 * Dev is cheap (one NAT, single-AZ RDS, small instances); prod is resilient (NAT per AZ, multi-AZ, deletion
 * protection, longer backups). No key is a secret: the stack makes its own ({@link GeneratedSecret}), so the
 * committed stack files are the whole configuration.
 */
public record StackConfig(
        String environment,
        String region,
        List<String> availabilityZoneIds,
        String vpcCidr,
        boolean natPerAz,
        String apiInstanceType,
        int apiMinSize,
        int apiMaxSize,
        String workerInstanceType,
        int workerMinSize,
        int workerMaxSize,
        int workerBacklogPerInstance,
        String dbInstanceClass,
        int dbAllocatedStorageGb,
        boolean dbMultiAz,
        int dbBackupRetentionDays,
        boolean dbDeletionProtection,
        String cdnPriceClass,
        List<String> interfaceEndpoints,
        boolean wafBlocks,
        List<String> wafAllowList,
        int monthlyBudgetUsd,
        Optional<PromotedImages> promotedImages,
        Optional<String> alarmEmail,
        Optional<String> mailDomain) {

    /** @param get reads a key of the {@code anb} namespace */
    public static StackConfig from(Function<String, Optional<String>> get) {
        return new StackConfig(
                required(get, "environment"),
                get.apply("region").orElse("us-east-1"),
                zoneIds(required(get, "availabilityZoneIds")),
                get.apply("vpcCidr").orElse("10.20.0.0/16"),
                bool(get, "natPerAz", false),
                get.apply("apiInstanceType").orElse("t3.small"),
                integer(get, "apiMinSize", 1),
                integer(get, "apiMaxSize", 2),
                get.apply("workerInstanceType").orElse("c6i.large"),
                integer(get, "workerMinSize", 1),
                integer(get, "workerMaxSize", 2),
                integer(get, "workerBacklogPerInstance", 6),
                get.apply("dbInstanceClass").orElse("db.t4g.micro"),
                integer(get, "dbAllocatedStorageGb", 20),
                bool(get, "dbMultiAz", false),
                integer(get, "dbBackupRetentionDays", 1),
                bool(get, "dbDeletionProtection", false),
                get.apply("cdnPriceClass").orElse("PriceClass_100"),
                list(get.apply("interfaceEndpoints").orElse("")),
                bool(get, "wafBlocks", "prod".equals(required(get, "environment"))),
                list(get.apply("wafAllowList").orElse("")),
                integer(get, "monthlyBudgetUsd", "prod".equals(required(get, "environment")) ? 1500 : 250),
                PromotedImages.from(get.apply("apiImage").filter(s -> !s.isBlank()),
                        get.apply("workerImage").filter(s -> !s.isBlank())),
                alarmEmail(required(get, "environment"), get.apply("alarmEmail").filter(s -> !s.isBlank())),
                get.apply("mailDomain").filter(s -> !s.isBlank()));
    }

    /** Domains that can never receive mail (RFC 2606, RFC 6761): an alarm sent there pages nobody. */
    private static final java.util.regex.Pattern RESERVED = java.util.regex.Pattern.compile(
            "(?i).*@(.+\\.)?(example(\\.(com|net|org))?|test|invalid|localhost)$");

    /**
     * Prod pages someone: {@code anb:alarmEmail} is required there and must be a mailbox that can exist. Any stack
     * refuses a reserved domain (an address nobody can confirm is a subscription that never works).
     */
    private static Optional<String> alarmEmail(String environment, Optional<String> email) {
        if (email.isPresent() && RESERVED.matcher(email.get()).matches()) {
            throw new IllegalArgumentException("anb:alarmEmail " + email.get() + " is a reserved domain that receives "
                    + "no mail: set the operators' real address (pulumi config set anb:alarmEmail ...)");
        }
        if (email.isEmpty() && "prod".equals(environment)) {
            throw new IllegalArgumentException("anb:alarmEmail is required for prod: someone must be paged");
        }
        return email;
    }

    /** A zone ID names one physical zone in every account; a zone name ({@code us-east-1a}) maps differently per account. */
    private static final java.util.regex.Pattern ZONE_ID = java.util.regex.Pattern.compile("[a-z]{3,5}\\d+-az\\d+");

    private static List<String> zoneIds(String value) {
        List<String> ids = list(value);
        for (String id : ids) {
            if (!ZONE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("anb:availabilityZoneIds: " + id + " is not a zone ID (like use1-az1):"
                        + " zone names map to different physical zones in each account; list the IDs with aws ec2"
                        + " describe-availability-zones --query 'AvailabilityZones[].[ZoneName,ZoneId]'");
            }
        }
        if (ids.size() < 2 || ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("anb:availabilityZoneIds needs two or more different zones, got " + ids);
        }
        return ids;
    }

    private static List<String> list(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s*,\\s*"));
    }

    /** Prod's database and buckets carry Pulumi's {@code protect}: no {@code up} or {@code destroy} deletes them. */
    public boolean protectsData() {
        return "prod".equals(environment);
    }

    /** Prod keeps a deleted secret recoverable for the longest AWS allows; dev none, so it can be recreated at once. */
    public int secretRecoveryDays() {
        return "prod".equals(environment) ? 30 : 0;
    }

    /**
     * The stack names its region twice ({@code aws:region} for Pulumi's default provider and tools, {@code anb:region}
     * for this program's provider): a stack file where they differ is refused instead of deploying half in each.
     */
    static void requireOneRegion(Optional<String> awsRegion, String region) {
        if (awsRegion.isPresent() && !awsRegion.get().equals(region)) {
            throw new IllegalArgumentException("aws:region " + awsRegion.get() + " and anb:region " + region
                    + " differ: set both to the region this stack lives in");
        }
    }

    public static StackConfig from(com.pulumi.Config config) {
        return from(config::get);
    }

    /** Names of AWS resources start with this, so two stacks never collide in one account. */
    public String prefix() {
        return "anb-" + environment;
    }

    private static String required(Function<String, Optional<String>> get, String key) {
        return get.apply(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("missing stack config anb:" + key));
    }

    private static int integer(Function<String, Optional<String>> get, String key, int fallback) {
        return get.apply(key).map(Integer::parseInt).orElse(fallback);
    }

    private static boolean bool(Function<String, Optional<String>> get, String key, boolean fallback) {
        return get.apply(key).map(Boolean::parseBoolean).orElse(fallback);
    }
}
