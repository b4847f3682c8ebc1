package org.anb.showcase.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;

/** IAM policy documents built as data (never string-pasted), one statement per grant: exact actions on exact ARNs. */
public final class Policies {
    private Policies() {
    }

    public record Grant(List<String> actions, List<Output<String>> resources) {
    }

    public static Grant allow(List<String> actions, Output<String>... resources) {
        return new Grant(actions, List.of(resources));
    }

    /** Pulling one repository's images; ECR's login token is account-wide, the one action AWS allows only on "*". */
    public static List<Grant> ecrPull(Output<String> repositoryArn) {
        return List.of(
                allow(List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"),
                        repositoryArn),
                allow(List.of("ecr:GetAuthorizationToken"), Output.of("*")));
    }

    /**
     * Systems Manager's agent taking Run Command jobs, so an operator runs a one-off command on an instance (the
     * first organizer, docs/operations.md) with no SSH and no open port, each run recorded in CloudTrail. These
     * actions accept no narrower resource than "*"; nothing else of SSM (parameters, sessions) is granted.
     */
    public static Grant runCommand() {
        return allow(List.of("ssm:UpdateInstanceInformation", "ec2messages:AcknowledgeMessage",
                "ec2messages:DeleteMessage", "ec2messages:FailMessage", "ec2messages:GetEndpoint",
                "ec2messages:GetMessages", "ec2messages:SendReply"), Output.of("*"));
    }

    /** An identity policy document from grants whose resources are still Outputs. */
    public static Output<String> document(List<Grant> grants) {
        List<Output<String>> all = new ArrayList<>();
        grants.forEach(g -> all.addAll(g.resources()));
        return Output.all(all).applyValue(resolved -> {
            List<Map<String, Object>> statements = new ArrayList<>();
            int next = 0;
            for (Grant grant : grants) {
                List<String> resources = resolved.subList(next, next + grant.resources().size());
                next += grant.resources().size();
                Map<String, Object> statement = new LinkedHashMap<>();
                statement.put("Effect", "Allow");
                statement.put("Action", grant.actions());
                statement.put("Resource", List.copyOf(resources));
                statements.add(statement);
            }
            return json(Map.of("Version", "2012-10-17", "Statement", statements));
        });
    }

    public static String assumeRole(String service) {
        return json(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow", "Principal", Map.of("Service", service), "Action", "sts:AssumeRole"))));
    }

    /** JSON with keys in sorted order, so the same document always renders the same (no spurious diffs). */
    public static String json(Object value) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(sorted(value));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> ordered = new java.util.TreeMap<>();
            map.forEach((k, v) -> ordered.put(String.valueOf(k), sorted(v)));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Policies::sorted).toList();
        }
        return value;
    }
}
