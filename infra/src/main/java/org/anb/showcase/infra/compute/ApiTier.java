package org.anb.showcase.infra.compute;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.data.Database;
import org.anb.showcase.infra.data.GeneratedSecret;
import org.anb.showcase.infra.data.JobQueue;
import org.anb.showcase.infra.data.MediaStorage;
import org.anb.showcase.infra.delivery.ImageRegistry;
import org.anb.showcase.infra.edge.Cdn;
import org.anb.showcase.infra.edge.LoadBalancer;
import org.anb.showcase.infra.mail.Mail;
import org.anb.showcase.infra.network.Firewall;
import org.anb.showcase.infra.network.Network;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.autoscaling.Policy;
import com.pulumi.aws.autoscaling.PolicyArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The API instances: an Auto Scaling group in the private subnets behind the load balancer, running the API image by
 * digest, scaling on CPU (target 70 %), replaced by a rolling refresh when the launch template changes. Its role may
 * do exactly what the API does: put/read/delete originals, read/delete processed media, send jobs, read its two
 * secrets, pull its image, and send mail from the stack's SES identity (the workers may not).
 */
public final class ApiTier extends ComponentResource {
    /** A deploy during which either of these alarms (Alarms) goes off rolls itself back. */
    static final List<String> ROLLBACK_ALARMS = List.of("-alb-5xx-rate", "-api-unhealthy");
    private final InstanceFleet fleet;

    public ApiTier(String name, StackConfig config, Network network, Firewall firewall, LoadBalancer loadBalancer,
                   Database database, MediaStorage media, JobQueue queue, ImageRegistry images, Cdn cdn, Mail mail,
                   ComponentResourceOptions options) {
        super("anb:infra:ApiTier", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        var jwtSecret = GeneratedSecret.create(prefix + "-jwt", prefix + "/api/jwt-secret",
                "HS256 key of the API's access tokens", config, this);

        Output<String> bucket = media.arn();
        List<Policies.Grant> grants = new java.util.ArrayList<>(List.of(
                Policies.allow(List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                        bucket.applyValue(arn -> arn + "/uploads/*")),
                // incoming/*: what the API's signed forms write and its completion copies to uploads/ and removes
                Policies.allow(List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"),
                        bucket.applyValue(arn -> arn + "/incoming/*")),
                Policies.allow(List.of("s3:GetObject", "s3:DeleteObject"), bucket.applyValue(arn -> arn + "/processed/*")),
                Policies.allow(List.of("s3:ListBucket"), bucket),
                Policies.allow(List.of("sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"), queue.jobsArn()),
                Policies.allow(List.of("secretsmanager:GetSecretValue"), database.masterSecretArn(), jwtSecret.arn())));
        mail.sending().ifPresent(ses -> grants.add(Policies.allow(List.of("ses:SendEmail"), ses.identityArn(),
                ses.configurationSetArn())));
        grants.addAll(Policies.ecrPull(images.apiRepositoryArn()));
        grants.add(Policies.runCommand());

        var userData = new ContainerUserData(config.region())
                .database(database)
                .storageAndQueues(media, queue)
                .secret("AUTH_JWT_DASH_SECRET", jwtSecret.arn())
                // CloudFront appends the viewer's address, the ALB CloudFront's: the login throttle keys on the former.
                .env("AUTH_TRUSTED_DASH_PROXY_DASH_HOPS", "2")
                .env("STORAGE_PUBLIC_DASH_BASE_DASH_URL", cdn.mediaBaseUrl())
                .env("SITE_URL", cdn.url())
                .memoryLimit(InstanceTypes.containerMemoryMib(config.apiInstanceType()))
                .metricsToCloudWatch(PrometheusScrape.API);
        mail.sending().ifPresent(ses -> userData.env("MAIL_TRANSPORT", "ses").env("MAIL_REGION", config.region())
                .env("MAIL_FROM", ses.from()).env("MAIL_SES_CONFIGURATION_DASH_SET", ses.configurationSetName()));
        fleet = new InstanceFleet(new InstanceFleet.Spec(prefix + "-api", config.apiInstanceType(),
                firewall.apiGroupId(), network.privateSubnetIds(), config.apiMinSize(), config.apiMaxSize(), "ELB",
                Output.all(loadBalancer.targetGroupArn()),
                new InstanceFleet.Refresh(ROLLBACK_ALARMS.stream().map(alarm -> prefix + alarm).toList(), false)),
                grants, userData, "anb-api", images.apiImageDigest(), List.of(Firewall.API_PORT, Firewall.API_HEALTH_PORT), 30, child);

        new Policy(prefix + "-api-cpu", PolicyArgs.builder().autoscalingGroupName(fleet.group.name())
                .policyType("TargetTrackingScaling")
                .targetTrackingConfiguration(PolicyTargetTrackingConfigurationArgs.builder().targetValue(70.0)
                        .predefinedMetricSpecification(PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs
                                .builder().predefinedMetricType("ASGAverageCPUUtilization").build())
                        .build())
                .build(), child);
        registerOutputs(Map.of("autoScalingGroup", fleet.group.name()));
    }

    /** The Auto Scaling group's name (its metrics' dimension). */
    public Output<String> groupName() {
        return fleet.group.name();
    }
}
