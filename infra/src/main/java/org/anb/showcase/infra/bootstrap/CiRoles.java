package org.anb.showcase.infra.bootstrap;

import org.anb.showcase.infra.Policies;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The pipeline's three roles, each assumable only by this repository's jobs in one context (GitHub's OIDC subject):
 * <ul>
 *   <li><b>preview</b> ({@code pull_request}): AWS's ReadOnlyAccess plus the lookups the program makes (random
 *   passwords, the vCPU quota, ECR's login), the state bucket and the secrets key; it can read no secret value and no
 *   object outside the state bucket. Pull requests from forks get no OIDC token at all (the workflow skips them).</li>
 *   <li><b>images</b> ({@code ref:refs/heads/main}): push to the two pipeline repositories, nothing else.</li>
 *   <li><b>deploy</b> ({@code environment:<stack>}, one GitHub environment per stack; prod's requires a reviewer):
 *   administrator, because a stack creates IAM roles, keys and everything else.</li>
 * </ul>
 */
public record CiRoles(Output<String> preview, Output<String> images, Output<String> deploy) {
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String ADMINISTRATOR = "arn:aws:iam::aws:policy/AdministratorAccess";

    static CiRoles create(BootstrapConfig config, Output<String> oidcProvider, StateBackend state,
                          PipelineRepositories repositories, CustomResourceOptions options) {
        var preview = role("ci-preview", oidcProvider, List.of(config.subject("pull_request")), READ_ONLY, options);
        new RolePolicy("ci-preview", RolePolicyArgs.builder().role(preview.id())
                .policy(Output.tuple(state.bucket().arn(), state.secretsKey().arn())
                        .applyValue(arns -> previewPolicy(arns.t1, arns.t2))).build(), options);

        var images = role("ci-images", oidcProvider, List.of(config.subject("ref:refs/heads/main")), null, options);
        new RolePolicy("ci-images", RolePolicyArgs.builder().role(images.id()).policy(Policies.document(List.of(
                Policies.allow(List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
                        "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage",
                        "ecr:DescribeImages"), repositories.api().arn(), repositories.worker().arn()),
                Policies.allow(List.of("ecr:GetAuthorizationToken"), Output.of("*"))))).build(), options);

        var deploy = role("ci-deploy", oidcProvider,
                config.stacks().stream().map(stack -> config.subject("environment:" + stack)).toList(),
                ADMINISTRATOR, options);
        return new CiRoles(preview.arn(), images.arn(), deploy.arn());
    }

    private static Role role(String name, Output<String> oidcProvider, List<String> subjects, String managedPolicy,
                             CustomResourceOptions options) {
        var args = RoleArgs.builder().assumeRolePolicy(Bootstrap.githubTrust(oidcProvider, subjects))
                .maxSessionDuration(7200);
        if (managedPolicy != null) {
            args.managedPolicyArns(managedPolicy);
        }
        return new Role(name, args.build(), options);
    }

    /**
     * What preview needs beyond ReadOnlyAccess, and what it must not have of it: ReadOnlyAccess reads every object, so
     * objects outside the state bucket are denied (preview never refreshes them), and so is every secret's value.
     */
    static String previewPolicy(String stateBucketArn, String secretsKeyArn) {
        return Policies.json(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", List.of("secretsmanager:GetRandomPassword",
                        "servicequotas:GetServiceQuota", "ecr:GetAuthorizationToken", "sts:GetCallerIdentity"),
                        "Resource", "*"),
                Map.of("Effect", "Allow", "Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                        "Resource", stateBucketArn + "/*"),
                Map.of("Effect", "Allow", "Action", "s3:ListBucket", "Resource", stateBucketArn),
                Map.of("Effect", "Allow", "Action", "kms:Decrypt", "Resource", secretsKeyArn),
                Map.of("Effect", "Deny", "Action", List.of("s3:GetObject", "s3:GetObjectVersion"),
                        "NotResource", stateBucketArn + "/*"),
                Map.of("Effect", "Deny", "Action", "secretsmanager:GetSecretValue", "Resource", "*"))));
    }
}
