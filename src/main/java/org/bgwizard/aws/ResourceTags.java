package org.bgwizard.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of one resource a setup makes, by kind and ARN (or id), with the service's own tag call: how a journal
 * lost with its machine is rebuilt from the account (a resource with the setup's name and tag is the setup's).
 * Roles, security groups and build projects come with their tags when looked up, so their steps need none of this.
 */
final class ResourceTags {
  private final AwsClients clients;

  ResourceTags(AwsClients clients) {
    this.clients = clients;
  }

  Map<String, String> of(ResourceKind kind, String name, String arn) {
    return switch (kind) {
      case IAM_ROLE -> new IamRoles(clients).tagsOf(name);
      case ECR_REPOSITORY -> new Repositories(clients).tagsOf(arn);
      case SECURITY_GROUP -> {
        var tags = new LinkedHashMap<String, String>();
        clients.ec2().describeSecurityGroups(r -> r.groupIds(arn)).securityGroups()
            .forEach(g -> g.tags().forEach(t -> tags.put(t.key(), t.value())));
        yield tags;
      }
      case LOG_GROUP -> clients.logs().listTagsForResource(r -> r.resourceArn(arn)).tags();
      case BUCKET -> new Buckets(clients).tagsOf(name);
      case TARGET_GROUP, LOAD_BALANCER, LISTENER, LISTENER_RULE ->
          new LoadBalancers(clients).tagsOf(List.of(arn)).getOrDefault(arn, Map.of());
      case CLUSTER, SERVICE -> new EcsResources(clients).tagsOf(arn);
      case TASK_DEFINITION -> new EcsResources(clients).taskDefinitionTags(arn);
      case CODEDEPLOY_APPLICATION, DEPLOYMENT_GROUP -> new CodeDeployResources(clients).tagsOf(arn);
      case BUILD_PROJECT -> new BuildProjects(clients).find(name).map(ProjectInfo::tags).orElse(Map.of());
      case CODECOMMIT_REPOSITORY -> new CodeCommitRepos(clients).tagsOf(arn);
      case PIPELINE -> new Pipelines(clients).tagsOf(arn);
      case EVENT_RULE -> new EventRules(clients).tagsOf(arn);
      case SNS_TOPIC -> new Topics(clients).tagsOf(arn);
      case SNS_SUBSCRIPTION -> Map.of();
      case CONNECTION -> {
        var tags = new LinkedHashMap<String, String>();
        clients.codeConnections().listTagsForResource(r -> r.resourceArn(arn)).tags()
            .forEach(t -> tags.put(t.key(), t.value()));
        yield tags;
      }
    };
  }
}
