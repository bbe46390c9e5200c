package org.bgwizard.aws;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds and removes tags on one resource a setup makes, with the service's own tagging calls: each adds or replaces the
 * given keys and leaves the others alone, except S3's PutBucketTagging, which replaces the whole set ("this action
 * replaces the existing tag set", Amazon S3 API Reference, PutBucketTagging), so the bucket's set is read, changed and
 * written back.
 */
final class ResourceRetagging {
  private final AwsClients clients;

  ResourceRetagging(AwsClients clients) {
    this.clients = clients;
  }

  void retag(ResourceKind kind, String name, String arn, Map<String, String> add, Set<String> remove) {
    switch (kind) {
      case SECURITY_GROUP -> {
        if (!add.isEmpty()) {
          clients.ec2().createTags(r -> r.resources(arn).tags(add.entrySet().stream().map(e -> ec2Tag(e.getKey(),
              e.getValue())).toList()));
        }
        if (!remove.isEmpty()) {
          clients.ec2().deleteTags(r -> r.resources(arn).tags(remove.stream().map(k -> ec2Tag(k, null)).toList()));
        }
      }
      case LOG_GROUP -> {
        if (!add.isEmpty()) {
          clients.logs().tagResource(r -> r.resourceArn(arn).tags(add));
        }
        if (!remove.isEmpty()) {
          clients.logs().untagResource(r -> r.resourceArn(arn).tagKeys(remove));
        }
      }
      case BUCKET -> {
        var buckets = new Buckets(clients);
        var tags = new TreeMap<>(buckets.tagsOf(name));
        tags.putAll(add);
        tags.keySet().removeAll(remove);
        buckets.putTags(name, tags);
      }
      case TARGET_GROUP, LOAD_BALANCER, LISTENER -> {
        if (!add.isEmpty()) {
          clients.elbv2().addTags(r -> r.resourceArns(arn).tags(add.entrySet().stream().map(e -> software.amazon.awssdk
              .services.elasticloadbalancingv2.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
              .toList()));
        }
        if (!remove.isEmpty()) {
          clients.elbv2().removeTags(r -> r.resourceArns(arn).tagKeys(remove));
        }
      }
      case CLUSTER, SERVICE, TASK_DEFINITION -> {
        if (!add.isEmpty()) {
          clients.ecs().tagResource(r -> r.resourceArn(arn).tags(add.entrySet().stream().map(e -> software.amazon
              .awssdk.services.ecs.model.Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
        }
        if (!remove.isEmpty()) {
          clients.ecs().untagResource(r -> r.resourceArn(arn).tagKeys(remove));
        }
      }
      case CODEDEPLOY_APPLICATION, DEPLOYMENT_GROUP -> {
        if (!add.isEmpty()) {
          clients.codeDeploy().tagResource(r -> r.resourceArn(arn).tags(add.entrySet().stream().map(e -> software
              .amazon.awssdk.services.codedeploy.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
              .toList()));
        }
        if (!remove.isEmpty()) {
          clients.codeDeploy().untagResource(r -> r.resourceArn(arn).tagKeys(remove));
        }
      }
      case CODECOMMIT_REPOSITORY -> {
        if (!add.isEmpty()) {
          clients.codeCommit().tagResource(r -> r.resourceArn(arn).tags(add));
        }
        if (!remove.isEmpty()) {
          clients.codeCommit().untagResource(r -> r.resourceArn(arn).tagKeys(remove));
        }
      }
      default -> throw new IllegalArgumentException("The steps of " + kind + " keep their tags in line themselves");
    }
  }

  private static software.amazon.awssdk.services.ec2.model.Tag ec2Tag(String key, String value) {
    return software.amazon.awssdk.services.ec2.model.Tag.builder().key(key).value(value).build();
  }

}
