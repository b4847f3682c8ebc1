package org.anb.showcase.infra.delivery;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;

import java.util.Map;

import com.pulumi.aws.ecr.EcrFunctions;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.inputs.GetAuthorizationTokenArgs;
import com.pulumi.aws.ecr.outputs.GetAuthorizationTokenResult;
import com.pulumi.core.Output;
import com.pulumi.docker.Image;
import com.pulumi.docker.ImageArgs;
import com.pulumi.docker.inputs.DockerBuildArgs;
import com.pulumi.docker.inputs.RegistryArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The two images a stack runs, in one of two ways. In the pipeline, the images were built once per commit and pushed
 * to the bootstrap's repositories, and the stack is given their digests ({@code anb:apiImage}, {@code anb:workerImage}):
 * it builds nothing, and prod runs the very bytes dev ran. From an operator's machine without them, the stack builds
 * {@code app/Dockerfile} and {@code worker/Dockerfile} itself into repositories of its own (scan on push, keep the last
 * {@value #KEEP_IMAGES}), the context narrowed by each Dockerfile's {@code .dockerignore}, so a commit that does not
 * touch an image's inputs (pulumi-docker hashes the context by content) rebuilds nothing and rolls no fleet. Either
 * way the tiers run an image by digest, and each role may pull from exactly its image's repository.
 */
public final class ImageRegistry extends ComponentResource {
    static final int KEEP_IMAGES = 20;
    /** The Pulumi program runs in infra/; the Docker build context is the repository root. */
    public static final String REPOSITORY_ROOT = "..";

    private record Deployed(Output<String> image, Output<String> repositoryArn, Output<String> repositoryUrl) {
    }

    private final Deployed api;
    private final Deployed worker;

    public ImageRegistry(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:ImageRegistry", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        if (config.promotedImages().isPresent()) {
            api = promoted(config.promotedImages().get().api());
            worker = promoted(config.promotedImages().get().worker());
        } else {
            var apiRepository = repository(config.prefix() + "-api", child);
            var workerRepository = repository(config.prefix() + "-worker", child);
            Output<GetAuthorizationTokenResult> token = EcrFunctions.getAuthorizationToken(
                    GetAuthorizationTokenArgs.builder().registryId(apiRepository.registryId()).build());
            api = built(image(config.prefix() + "-api", apiRepository, "app/Dockerfile", config, token, child),
                    apiRepository);
            worker = built(image(config.prefix() + "-worker", workerRepository, "worker/Dockerfile", config, token,
                    child), workerRepository);
        }
        registerOutputs(Map.of("apiImage", api.image(), "workerImage", worker.image()));
    }

    private static Deployed promoted(ImageReference image) {
        return new Deployed(Output.of(image.toString()), Output.of(image.repositoryArn()), Output.of(image.repositoryUrl()));
    }

    private static Deployed built(Image image, Repository repository) {
        return new Deployed(image.repoDigest(), repository.arn(), repository.repositoryUrl());
    }

    private static Repository repository(String name, CustomResourceOptions child) {
        return ImageRepository.create(name, "MUTABLE", KEEP_IMAGES, Tags.named(name), child);
    }

    private static Image image(String name, Repository repository, String dockerfile, StackConfig config,
                               Output<GetAuthorizationTokenResult> token, CustomResourceOptions child) {
        return new Image(name, ImageArgs.builder()
                .imageName(repository.repositoryUrl().applyValue(url -> url + ":" + config.environment()))
                .build(DockerBuildArgs.builder().context(REPOSITORY_ROOT)
                        .dockerfile(REPOSITORY_ROOT + "/" + dockerfile).platform("linux/amd64").build())
                .registry(RegistryArgs.builder()
                        .server(repository.repositoryUrl())
                        .username(token.applyValue(GetAuthorizationTokenResult::userName))
                        .password(token.applyValue(GetAuthorizationTokenResult::password).asSecret())
                        .build())
                .build(), child);
    }

    public Output<String> apiImageDigest() {
        return api.image();
    }

    public Output<String> workerImageDigest() {
        return worker.image();
    }

    public Output<String> apiRepositoryArn() {
        return api.repositoryArn();
    }

    public Output<String> workerRepositoryArn() {
        return worker.repositoryArn();
    }

    public Output<String> apiRepositoryUrl() {
        return api.repositoryUrl();
    }

    public Output<String> workerRepositoryUrl() {
        return worker.repositoryUrl();
    }
}
