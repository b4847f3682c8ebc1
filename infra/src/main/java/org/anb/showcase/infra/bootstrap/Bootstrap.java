package org.anb.showcase.infra.bootstrap;

import org.anb.showcase.infra.Policies;

import java.util.List;
import java.util.Map;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.costexplorer.CostAllocationTag;
import com.pulumi.aws.costexplorer.CostAllocationTagArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * What must exist in an account before the first pipeline run, made once by an administrator ({@code pulumi up} in
 * {@code infra/bootstrap}, docs/operations.md): the state backend (a bucket and a KMS key for the stacks' secrets),
 * the repositories the pipeline pushes each commit's images to, GitHub's OIDC provider, and three roles only this
 * repository's workflows can assume — preview (pull requests: read-only), images (main: push to the two
 * repositories), deploy (the GitHub environment of each stack).
 */
public final class Bootstrap {
    /** The project name in {@code infra/bootstrap/Pulumi.yaml}: the program runs this instead of the stack. */
    public static final String PROJECT = "anb-bootstrap";
    public static final String GITHUB_OIDC = "https://token.actions.githubusercontent.com";

    private Bootstrap() {
    }

    public static void stack(Context ctx, BootstrapConfig config) {
        var provider = new Provider("aws", ProviderArgs.builder().region(config.region())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(Map.of(
                        "Project", "anb-rising-stars", "Environment", "bootstrap", "ManagedBy", "pulumi")).build())
                .build());
        var options = CustomResourceOptions.builder().provider(provider).build();
        var state = StateBackend.create(options);
        var images = PipelineRepositories.create(options);
        var github = new OpenIdConnectProvider("github-actions", OpenIdConnectProviderArgs.builder()
                .url(GITHUB_OIDC).clientIdLists("sts.amazonaws.com").build(), options);
        var roles = CiRoles.create(config, github.arn(), state, images, options);
        if (config.activateCostTags()) {
            // Budgets filter on Environment; AWS activates a tag only once a bill has seen it (a day after a deploy).
            new CostAllocationTag("environment-tag", CostAllocationTagArgs.builder().tagKey("Environment")
                    .status("Active").build(), options);
        }

        ctx.export("backendUrl", state.bucketName().applyValue(bucket -> "s3://" + bucket));
        ctx.export("secretsProvider", Output.of(StateBackend.SECRETS_PROVIDER + "?region=" + config.region()));
        ctx.export("previewRoleArn", roles.preview());
        ctx.export("imagesRoleArn", roles.images());
        ctx.export("deployRoleArn", roles.deploy());
        ctx.export("apiRepositoryUrl", images.api().repositoryUrl());
        ctx.export("workerRepositoryUrl", images.worker().repositoryUrl());
    }

    /** The trust policy of a role GitHub's jobs assume with their OIDC token, for exactly these subjects. */
    static Output<String> githubTrust(Output<String> providerArn, List<String> subjects) {
        return providerArn.applyValue(arn -> Policies.json(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow", "Principal", Map.of("Federated", arn), "Action", "sts:AssumeRoleWithWebIdentity",
                "Condition", Map.of("StringEquals", Map.of(
                        "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                        "token.actions.githubusercontent.com:sub", subjects)))))));
    }
}
