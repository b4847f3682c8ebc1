package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.anb.showcase.infra.bootstrap.Bootstrap;
import org.anb.showcase.infra.bootstrap.BootstrapConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 26: what an administrator creates once per account, under Pulumi's mocks, with infra/bootstrap's config. */
@SuppressWarnings("unchecked")
class BootstrapTest {
    static final String REPOSITORY = "asociacion-anb/rising-stars";
    private static final MockCloud cloud = new MockCloud();
    private static List<MockCloud.Registration> registered;

    @BeforeAll
    static void runTheBootstrap() throws Exception {
        var config = BootstrapConfig.from(key -> Optional.ofNullable(Map.of("githubRepository", REPOSITORY).get(key)));
        try {
            var result = PulumiTest.withMocks(cloud)
                    .withOptions(TestOptions.builder().projectName(Bootstrap.PROJECT).stackName("account").preview(false).build())
                    .runTestAsync(ctx -> Bootstrap.stack(ctx, config)).get(120, TimeUnit.SECONDS);
            assertThat(result.errors()).isEmpty();
            assertThat(result.exceptions()).isEmpty();
        } finally {
            PulumiTest.cleanup();
        }
        registered = List.copyOf(cloud.registrations);
    }

    @AfterAll
    static void forget() {
        registered = null;
    }

    private static MockCloud.Registration named(String type, String name) {
        return registered.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    private static JsonObject trustCondition(String role) {
        var trust = JsonParser.parseString(String.valueOf(input(named("aws:iam/role:Role", role), "assumeRolePolicy")))
                .getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertThat(trust.get("Action").getAsString()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(trust.getAsJsonObject("Principal").get("Federated").getAsString()).contains("github-actions");
        assertThat(trust.getAsJsonObject("Condition").keySet()).as("exact subjects, no wildcards")
                .containsExactly("StringEquals");
        var equals = trust.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertThat(equals.get("token.actions.githubusercontent.com:aud").getAsString()).isEqualTo("sts.amazonaws.com");
        return equals;
    }

    private static List<String> subjects(String role) {
        return trustCondition(role).getAsJsonArray("token.actions.githubusercontent.com:sub").asList().stream()
                .map(e -> e.getAsString()).toList();
    }

    @Test
    void githubsOidcProviderForStsTokens() {
        var provider = named("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "github-actions");
        assertThat(input(provider, "url")).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat((List<Object>) input(provider, "clientIdLists")).containsExactly("sts.amazonaws.com");
    }

    @Test
    void eachRoleTrustsExactlyOneContextOfThisRepository() {
        assertThat(subjects("ci-preview")).containsExactly("repo:" + REPOSITORY + ":pull_request");
        assertThat(subjects("ci-images")).containsExactly("repo:" + REPOSITORY + ":ref:refs/heads/main");
        assertThat(subjects("ci-deploy")).as("the deploy jobs' `environment:` makes the subject")
                .containsExactly("repo:" + REPOSITORY + ":environment:dev", "repo:" + REPOSITORY + ":environment:prod");
    }

    @Test
    void previewReadsAndLooksUpButNeverReadsASecretOrAnObjectOutsideTheState() {
        assertThat((List<Object>) input(named("aws:iam/role:Role", "ci-preview"), "managedPolicyArns"))
                .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        String policy = String.valueOf(input(named("aws:iam/rolePolicy:RolePolicy", "ci-preview"), "policy"));
        assertThat(policy).contains("secretsmanager:GetRandomPassword", "servicequotas:GetServiceQuota",
                "ecr:GetAuthorizationToken", "sts:GetCallerIdentity", "kms:Decrypt");
        var statements = JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement").asList();
        assertThat(statements).filteredOn(s -> s.getAsJsonObject().get("Effect").getAsString().equals("Deny"))
                .extracting(Object::toString)
                .anySatisfy(s -> assertThat(s).contains("secretsmanager:GetSecretValue"))
                .anySatisfy(s -> assertThat(s).contains("s3:GetObject", "NotResource", "anb-pulumi-state-"));
        assertThat(policy).doesNotContain("\"s3:*\"", "\"iam:", "PutObject\",\"Resource\":\"*");
    }

    @Test
    void imagesPushesToThePipelinesTwoRepositoriesOnly() {
        assertThat(input(named("aws:iam/role:Role", "ci-images"), "managedPolicyArns")).isNull();
        var statements = JsonParser.parseString(String.valueOf(input(named("aws:iam/rolePolicy:RolePolicy",
                "ci-images"), "policy"))).getAsJsonObject().getAsJsonArray("Statement").asList();
        assertThat(statements).allSatisfy(s -> {
            var resources = s.getAsJsonObject().getAsJsonArray("Resource").asList().stream().map(e -> e.getAsString()).toList();
            var actions = s.getAsJsonObject().getAsJsonArray("Action").asList().stream().map(e -> e.getAsString()).toList();
            if (resources.contains("*")) {
                assertThat(actions).as("only the login token is account-wide").containsExactly("ecr:GetAuthorizationToken");
            } else {
                assertThat(resources).containsExactlyInAnyOrder(
                        "arn:aws:ecr:us-east-1:123456789012:repository/anb-showcase/api",
                        "arn:aws:ecr:us-east-1:123456789012:repository/anb-showcase/worker");
                assertThat(actions).contains("ecr:PutImage").allMatch(a -> a.startsWith("ecr:"));
            }
        });
        for (String repository : List.of("anb-showcase/api", "anb-showcase/worker")) {
            assertThat(input(named("aws:ecr/repository:Repository", repository), "imageTagMutability"))
                    .as("a commit's tag always names the bytes it was built as").isEqualTo("IMMUTABLE");
        }
    }

    @Test
    void theStateIsVersionedEncryptedPrivateAndTlsOnlyAndItsSecretsHaveTheirOwnKey() {
        assertThat(input(named("aws:s3/bucketVersioningV2:BucketVersioningV2", "pulumi-state"),
                "versioningConfiguration.status")).isEqualTo("Enabled");
        assertThat(String.valueOf(input(named("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "pulumi-state"), "rules"))).contains("AES256");
        var block = named("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pulumi-state");
        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertThat(input(block, flag)).as(flag).isEqualTo(true);
        }
        assertThat(String.valueOf(input(named("aws:s3/bucketPolicy:BucketPolicy", "pulumi-state"), "policy")))
                .contains("aws:SecureTransport", "Deny");
        assertThat(input(named("aws:kms/key:Key", "pulumi-secrets"), "enableKeyRotation")).isEqualTo(true);
        assertThat(input(named("aws:kms/alias:Alias", "pulumi-secrets"), "name")).isEqualTo("alias/anb-pulumi-secrets");
    }

    @Test
    void theCostTagIsActivatedOnlyWhenAsked() {
        assertThat(registered).noneMatch(r -> r.type().equals("aws:costexplorer/costAllocationTag:CostAllocationTag"));
    }

    @Test
    void aRepositoryNotNamedOwnerSlashNameIsRefused() {
        assertThatThrownBy(() -> BootstrapConfig.from(key -> Optional.of("*")))
                .hasMessageContaining("must be owner/name");
        assertThatThrownBy(() -> BootstrapConfig.from(key -> Optional.empty()))
                .hasMessageContaining("missing bootstrap:githubRepository");
    }
}
