package org.anb.showcase.infra;

import org.anb.showcase.infra.bootstrap.Bootstrap;
import org.anb.showcase.infra.bootstrap.BootstrapConfig;
import org.anb.showcase.infra.compute.ApiTier;
import org.anb.showcase.infra.compute.OnDemandQuota;
import org.anb.showcase.infra.compute.WorkerTier;
import org.anb.showcase.infra.data.Database;
import org.anb.showcase.infra.data.JobQueue;
import org.anb.showcase.infra.data.MediaStorage;
import org.anb.showcase.infra.delivery.ImageRegistry;
import org.anb.showcase.infra.edge.Cdn;
import org.anb.showcase.infra.edge.LoadBalancer;
import org.anb.showcase.infra.edge.SiteFiles;
import org.anb.showcase.infra.edge.StaticSite;
import org.anb.showcase.infra.edge.WebFirewall;
import org.anb.showcase.infra.mail.Mail;
import org.anb.showcase.infra.network.Firewall;
import org.anb.showcase.infra.network.Network;
import org.anb.showcase.infra.observe.AccessLogs;
import org.anb.showcase.infra.observe.Alarms;
import org.anb.showcase.infra.observe.OperatorDashboard;

import java.util.Map;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;

/**
 * The whole AWS stack of one environment ({@code pulumi up -s dev}). Reading order follows the data: network and
 * firewall, then data stores, images, the site, the load balancer and CDN, the two instance tiers, alarms.
 */
public final class AnbStack {
    private AnbStack() {
    }

    public static void main(String[] args) {
        CommonPoolGuard.check();
        Pulumi.run(ctx -> {
            if (Bootstrap.PROJECT.equals(ctx.projectName())) { // infra/bootstrap/Pulumi.yaml runs this same program
                Bootstrap.stack(ctx, BootstrapConfig.from(ctx.config("bootstrap")::get));
                return;
            }
            StackConfig config = StackConfig.from(ctx.config("anb"));
            StackConfig.requireOneRegion(ctx.config("aws").get("region"), config.region());
            stack(ctx, config);
        });
    }

    /** Package-visible so the tests run exactly this under Pulumi's mocks with a config of their choosing. */
    static void stack(Context ctx, StackConfig config) {
        var provider = new Provider("aws", ProviderArgs.builder().region(config.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(Map.of(
                        "Project", "anb-rising-stars", "Environment", config.environment(), "ManagedBy", "pulumi"))
                        .build())
                .build());
        var options = ComponentResourceOptions.builder().providers(provider).build();

        // The account the stack deploys into, looked up once (key policies and log delivery name it).
        Output<String> account = AwsFunctions.getCallerIdentity()
                .applyValue(GetCallerIdentityResult::accountId);
        var network = new Network("network", config, options);
        var firewall = new Firewall("firewall", config, network, options);
        var database = new Database("database", config, network, firewall, options);
        var media = new MediaStorage("media", config, options);
        var queue = new JobQueue("queue", config, options);
        var images = new ImageRegistry("images", config, options);
        var accessLogs = new AccessLogs("access-logs", config, network, account, options);
        var loadBalancer = new LoadBalancer("load-balancer", config, network, firewall, accessLogs, options);
        var site = new StaticSite("site", config, SiteFiles.read(StaticSite.SITE_DIR), options);
        var cdn = new Cdn("cdn", config, loadBalancer, firewall, media, site,
                new WebFirewall("web-firewall", config, options), options);
        var mail = new Mail("mail", config, options);
        if (mail.sending().isEmpty()) {
            ctx.log().warn("anb:mailDomain is not set: the API keeps confirmation and reset mail in its outbox "
                    + "(docs/operations.md, Mail)");
        }
        var api = new ApiTier("api", config, network, firewall, loadBalancer, database, media, queue, images, cdn, mail,
                options);
        var workers = new WorkerTier("worker", config, network, firewall, database, media, queue, images, options);
        new Alarms("alarms", config, loadBalancer, database, queue, api, workers, mail, cdn, account, options);
        new OperatorDashboard("dashboard", config, loadBalancer, queue, database, options);

        ctx.export("onDemandVcpus", OnDemandQuota.check(config));
        ctx.export("url", cdn.url());
        ctx.export("cdnId", cdn.distributionId());
        ctx.export("apiBaseUrl", cdn.url().applyValue(url -> url + "/api"));
        ctx.export("albDnsName", loadBalancer.dnsName());
        ctx.export("bucketName", media.name());
        ctx.export("siteVersion", Output.of(site.version()));
        ctx.export("jobsQueueUrl", queue.jobsUrl());
        ctx.export("deadLetterQueueUrl", queue.deadLettersUrl());
        ctx.export("apiRepositoryUrl", images.apiRepositoryUrl());
        ctx.export("workerRepositoryUrl", images.workerRepositoryUrl());
        ctx.export("apiImage", images.apiImageDigest());
        ctx.export("workerImage", images.workerImageDigest());
        ctx.export("apiGroupName", api.groupName());
        ctx.export("workerGroupName", workers.groupName());
        ctx.export("dbEndpoint", database.address());
        ctx.export("dbSecretArn", database.masterSecretArn());
        mail.sending().ifPresent(ses -> ctx.export("mailDkimTokens", ses.dkimTokens()));
    }
}
