package org.anb.showcase.infra.data;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;
import org.anb.showcase.infra.network.Firewall;
import org.anb.showcase.infra.network.Network;

import java.util.Map;

import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * RDS PostgreSQL 17 in the private subnets: not publicly accessible, storage encrypted, master password managed by
 * RDS in Secrets Manager (nobody ever sees it in config or state), backups, multi-AZ and deletion protection per
 * environment.
 */
public final class Database extends ComponentResource {
    public static final String DB_NAME = "anb";

    private final Instance instance;

    public Database(String name, StackConfig config, Network network, Firewall firewall, ComponentResourceOptions options) {
        super("anb:infra:Database", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        var subnets = new SubnetGroup(prefix + "-db", SubnetGroupArgs.builder()
                .subnetIds(network.privateSubnetIds()).tags(Tags.named(prefix + "-db")).build(), child);
        // Made before the instance, so RDS exports into a group that expires its logs (it would make one that never does).
        var logs = new LogGroup(prefix + "-db-postgresql", LogGroupArgs.builder()
                .name("/aws/rds/instance/" + prefix + "-db/postgresql").retentionInDays(30).build(), child);
        var args = InstanceArgs.builder()
                .identifier(prefix + "-db")
                .engine("postgres").engineVersion("17")
                .instanceClass(config.dbInstanceClass())
                .allocatedStorage(config.dbAllocatedStorageGb()).maxAllocatedStorage(config.dbAllocatedStorageGb() * 5)
                .storageType("gp3").storageEncrypted(true)
                .dbName(DB_NAME).username("anb").manageMasterUserPassword(true)
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(Output.all(firewall.databaseGroupId()))
                .publiclyAccessible(false)
                .multiAz(config.dbMultiAz())
                .backupRetentionPeriod(config.dbBackupRetentionDays())
                .deletionProtection(config.dbDeletionProtection())
                .skipFinalSnapshot(!config.dbDeletionProtection())
                .autoMinorVersionUpgrade(true)
                // A change in `pulumi up` happens during that update, not in next week's maintenance window
                // (a class change on multi-AZ prod is a failover of about a minute).
                .applyImmediately(true)
                .copyTagsToSnapshot(true)
                .enabledCloudwatchLogsExports("postgresql", "upgrade")
                .tags(Tags.named(prefix + "-db"));
        if (config.dbDeletionProtection()) {
            args.finalSnapshotIdentifier(prefix + "-db-final");
        }
        // The identifier is fixed (operators and the log group know it), so a replacement must delete first; prod's
        // protect refuses any replacement or deletion at all.
        instance = new Instance(prefix + "-db", args.build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(logs).deleteBeforeReplace(true).protect(config.protectsData()).build());
        registerOutputs(Map.of("endpoint", address(), "secretArn", masterSecretArn()));
    }

    public Output<String> address() {
        return instance.address();
    }

    public Output<String> identifier() {
        return instance.identifier();
    }

    /** The Secrets Manager secret RDS keeps the master credentials in (JSON with username and password). */
    public Output<String> masterSecretArn() {
        return instance.masterUserSecrets().applyValue(secrets -> secrets.get(0).secretArn().orElseThrow());
    }
}
