package org.bgwizard.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.provision.JournalEntry;

/**
 * What CloudFormation's resource import asks for each resource type: the properties of the type's primary identifier
 * (its resource schema's {@code primaryIdentifier}; {@code aws cloudformation get-template-summary} lists them as
 * {@code ResourceIdentifierSummaries}), and where the journal keeps each value.
 *
 * <p>Which types can be imported follows "Resource type support" in the CloudFormation User Guide
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import-supported-resources.html): the
 * table lists the provisionable types (registry types with create, read, update, delete and list handlers), and a
 * type it does not list "likely means that it's not accessible through the AWS Cloud Control API". Checked for every
 * type the import template uses, on 2026-12-07: the table's last version kept in the guide's repository
 * (awsdocs/aws-cloudformation-user-guide, doc_source/resource-import-supported-resources.md, 2023-08-25) lists
 * EC2::SecurityGroup, ECR::Repository, ECS::Cluster, ECS::Service, ECS::TaskDefinition, ElasticLoadBalancingV2::
 * Listener, ListenerRule and LoadBalancer, IAM::Role, Logs::LogGroup, S3::Bucket and SNS::Topic (and of SNS only
 * the topic); ElasticLoadBalancingV2::TargetGroup, CodeDeploy::Application, CodePipeline::Pipeline, Events::Rule,
 * CodeConnections::Connection and SNS::Subscription have been provisionable types since: the list of Cloud Control
 * types pulumi-aws-native generates from CloudFormation's ListTypes with ProvisioningType FULLY_MUTABLE and IMMUTABLE
 * (provider/cmd/pulumi-gen-aws-native/supported-types.txt) has them. For SNS::Subscription the registry schema
 * agrees: its provider (aws-cloudformation/aws-cloudformation-resource-providers-sns, aws-sns-subscription.json)
 * has all five handlers, and the schema CloudFormation publishes (test resource sns-subscription.json, cfn-lint
 * 1.51.0) has {@code Arn} as primary identifier. An import of one was still refused in December 2023 ("The
 * following resource types are not supported for resource import: AWS::SNS::Subscription", issue 21 of
 * aws-samples/communication-developer-services-reference-architectures); it has been provisionable since. The row of
 * the current page for SNS could not be read here (only its introduction was found), so this rests on the sources
 * above. The topic's support is also stated in cloudformation-coverage-roadmap issue 1476 ("Topic should be supported
 * already", 2023-11-14). Neither source names CodeBuild::Project, CodeDeploy::DeploymentGroup or
 * CodeCommit::Repository: their schemas have a read-only {@code Id} as primary identifier and no handlers, so
 * {@link #advice} says what to do instead.
 */
final class ImportIdentifiers {
  /** One identifier property; {@code output} is the journal output holding it, or null for the resource's name. */
  record Key(String property, String output) {
    Optional<String> valueIn(JournalEntry entry) {
      return output == null ? Optional.of(entry.ref().name()) : entry.output(output);
    }
  }

  private static final Map<String, List<Key>> KEYS = new LinkedHashMap<>();
  private static final Map<String, ImportText> NOT_IMPORTABLE = new LinkedHashMap<>();

  static {
    KEYS.put("AWS::IAM::Role", List.of(new Key("RoleName", null)));
    KEYS.put("AWS::ECR::Repository", List.of(new Key("RepositoryName", null)));
    KEYS.put("AWS::EC2::SecurityGroup", List.of(new Key("Id", "id")));
    KEYS.put("AWS::Logs::LogGroup", List.of(new Key("LogGroupName", null)));
    KEYS.put("AWS::S3::Bucket", List.of(new Key("BucketName", null)));
    KEYS.put("AWS::ElasticLoadBalancingV2::TargetGroup", List.of(new Key("TargetGroupArn", "arn")));
    KEYS.put("AWS::ElasticLoadBalancingV2::LoadBalancer", List.of(new Key("LoadBalancerArn", "arn")));
    KEYS.put("AWS::ElasticLoadBalancingV2::Listener", List.of(new Key("ListenerArn", "arn")));
    // an ecs-native setup's rules: in the "Resource type support" table, like the listener
    KEYS.put("AWS::ElasticLoadBalancingV2::ListenerRule", List.of(new Key("RuleArn", "arn")));
    KEYS.put("AWS::ECS::Cluster", List.of(new Key("ClusterName", null)));
    KEYS.put("AWS::ECS::TaskDefinition", List.of(new Key("TaskDefinitionArn", "arn")));
    KEYS.put("AWS::ECS::Service", List.of(new Key("ServiceArn", "arn"), new Key("Cluster", "cluster")));
    KEYS.put("AWS::CodeDeploy::Application", List.of(new Key("ApplicationName", null)));
    KEYS.put("AWS::CodePipeline::Pipeline", List.of(new Key("Name", null)));
    KEYS.put("AWS::Events::Rule", List.of(new Key("Arn", "arn")));
    KEYS.put("AWS::CodeConnections::Connection", List.of(new Key("ConnectionArn", "arn")));
    // a setup with environments (issue 15): the approval topic and its e-mail subscription, each by its ARN (the
    // schemas' primaryIdentifier: TopicArn, Arn). A subscription has an ARN only once the address has confirmed it:
    // until then Subscribe answers "pending confirmation" and ListSubscriptionsByTopic "PendingConfirmation"
    // ("Subscribe", Amazon SNS API Reference), which CloudFormationImport does not take for an identifier
    KEYS.put("AWS::SNS::Topic", List.of(new Key("TopicArn", "arn")));
    KEYS.put("AWS::SNS::Subscription", List.of(new Key("Arn", "arn")));
    NOT_IMPORTABLE.put("AWS::CodeBuild::Project", ImportText.of("advice.codebuildProject", 1));
    NOT_IMPORTABLE.put("AWS::CodeDeploy::DeploymentGroup", ImportText.of("advice.codedeployDeploymentGroup", 1));
    NOT_IMPORTABLE.put("AWS::CodeCommit::Repository", ImportText.of("advice.codecommitRepository", 1));
  }

  private ImportIdentifiers() {}

  static Map<String, List<Key>> all() {
    return KEYS;
  }

  static Optional<List<Key>> of(String type) {
    return Optional.ofNullable(KEYS.get(type));
  }

  /** What to do about a type CloudFormation cannot import; empty when it can. */
  static Optional<ImportText> advice(String type) {
    return Optional.ofNullable(NOT_IMPORTABLE.get(type));
  }
}
