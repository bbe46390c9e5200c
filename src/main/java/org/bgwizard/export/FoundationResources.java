package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.artifacts.RolePolicies;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResources;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.SetupSpec;

/**
 * The roles, the image repository, the security groups, log groups, artifact bucket, target groups, load balancer
 * and listeners, with the settings apply gives them (docs/aws-steps.md). Resources the user brought are not in the
 * template: they are referred to by name or ARN.
 */
final class FoundationResources {
  static final String LB_GROUP = "LoadBalancerSecurityGroup";
  static final String SERVICE_GROUP = "ServiceSecurityGroup";
  static final String TASK_LOGS = "TaskLogGroup";
  static final String BUILD_LOGS = "BuildLogGroup";
  static final String ARTIFACT_BUCKET = "ArtifactBucket";
  static final String TARGET_GROUP_1 = "TargetGroup1";
  static final String TARGET_GROUP_2 = "TargetGroup2";
  static final String LOAD_BALANCER = "LoadBalancer";
  static final String PRODUCTION_LISTENER = "ProductionListener";
  static final String TEST_LISTENER = "TestListener";
  static final String REPOSITORY = "ImageRepository";

  private FoundationResources() {}

  static void add(Parts parts) {
    roles(parts);
    if (parts.isNative()) {
      NativeResources.infrastructureRole(parts);
    }
    repository(parts);
    securityGroups(parts);
    logGroup(parts, TASK_LOGS, Pages.ECS, parts.spec.ecs().logGroup());
    logGroup(parts, BUILD_LOGS, Pages.BUILD_AND_SOURCE, parts.arns.codeBuildLogGroupName());
    parts.add(ARTIFACT_BUCKET, "AWS::S3::Bucket", Pages.PIPELINE, bucket(parts, parts.arns.artifactBucket()),
        List.of(), ResourceKind.BUCKET, parts.arns.artifactBucket());
    LoadBalancer lb = parts.spec.loadBalancer();
    targetGroup(parts, TARGET_GROUP_1, lb.targetGroup1());
    targetGroup(parts, TARGET_GROUP_2, lb.targetGroup2());
    loadBalancer(parts);
    listener(parts, PRODUCTION_LISTENER, lb.productionPort(), TARGET_GROUP_1);
    listener(parts, TEST_LISTENER, lb.testPort(), TARGET_GROUP_2);
    if (parts.isNative()) {
      NativeResources.listenerRules(parts);
    }
  }

  /** Trust and inline policy exactly as apply puts them ({@link IamPolicies}); roles given by ARN get none. */
  private static void roles(Parts parts) {
    for (RolePolicies role : IamPolicies.generated(parts.spec, parts.target)) {
      ObjectNode p = role(role.roleName(), ResourceTexts.roleDescription(parts.spec, role.role()), role.trust(),
          role.permissions(), parts);
      parts.add(Parts.roleId(role.role()), "AWS::IAM::Role", Pages.ROLES, p, List.of(), ResourceKind.IAM_ROLE,
          role.roleName());
    }
  }

  static ObjectNode role(String name, String description, JsonNode trust, JsonNode permissions, Parts parts) {
    ObjectNode p = Cfn.object();
    p.put("RoleName", name);
    p.put("Description", description);
    p.set("AssumeRolePolicyDocument", trust);
    ObjectNode policy = p.putArray("Policies").addObject();
    policy.put("PolicyName", ResourceTexts.ROLE_POLICY);
    policy.set("PolicyDocument", permissions);
    p.set("Tags", parts.tags());
    return p;
  }

  private static void repository(Parts parts) {
    var repo = parts.spec.repository();
    if (repo.existing()) {
      return;
    }
    ObjectNode p = Cfn.object();
    p.put("RepositoryName", repo.name());
    p.putObject("ImageScanningConfiguration").put("ScanOnPush", repo.scanOnPush());
    p.putObject("LifecyclePolicy").put("LifecyclePolicyText",
        ResourceTexts.ecrLifecyclePolicy(repo.keepImages()).toString());
    p.set("Tags", parts.tags());
    parts.add(REPOSITORY, "AWS::ECR::Repository", Pages.REPOSITORY, p, List.of(), ResourceKind.ECR_REPOSITORY,
        repo.name());
  }

  private static void securityGroups(Parts parts) {
    SetupSpec spec = parts.spec;
    JsonNode lbGroupId;
    if (spec.loadBalancer().isExisting()) {
      lbGroupId = Cfn.ref(Parts.LOAD_BALANCER_GROUP_PARAMETER);
    } else {
      ArrayNode ingress = Cfn.array();
      for (int port : List.of(spec.loadBalancer().productionPort(), spec.loadBalancer().testPort())) {
        ingress.add(rule(port).put("CidrIp", spec.network().ingressCidr()));
      }
      parts.add(LB_GROUP, "AWS::EC2::SecurityGroup", Pages.LOAD_BALANCER, group(parts,
          ResourceTexts.loadBalancerGroupName(spec), ResourceTexts.loadBalancerGroupDescription(spec), ingress),
          List.of(), ResourceKind.SECURITY_GROUP, ResourceTexts.loadBalancerGroupName(spec));
      lbGroupId = Cfn.getAtt(LB_GROUP, "GroupId");
    }
    ObjectNode fromLoadBalancer = rule(spec.container().port());
    fromLoadBalancer.set("SourceSecurityGroupId", lbGroupId);
    parts.add(SERVICE_GROUP, "AWS::EC2::SecurityGroup", Pages.ECS, group(parts,
        ResourceTexts.serviceGroupName(spec), ResourceTexts.serviceGroupDescription(spec), Cfn.array(fromLoadBalancer)),
        List.of(), ResourceKind.SECURITY_GROUP, ResourceTexts.serviceGroupName(spec));
  }

  private static ObjectNode rule(int port) {
    ObjectNode rule = Cfn.object();
    rule.put("IpProtocol", "tcp");
    rule.put("FromPort", port);
    rule.put("ToPort", port);
    return rule;
  }

  private static ObjectNode group(Parts parts, String name, String description, ArrayNode ingress) {
    ObjectNode p = Cfn.object();
    p.put("GroupName", name);
    p.put("GroupDescription", description);
    p.set("VpcId", Cfn.ref(Parts.VPC));
    p.set("SecurityGroupIngress", ingress);
    p.set("Tags", parts.tags());
    return p;
  }

  private static void logGroup(Parts parts, String id, String page, String name) {
    ObjectNode p = Cfn.object();
    p.put("LogGroupName", name);
    p.put("RetentionInDays", parts.spec.ecs().logRetentionDays());
    p.set("Tags", parts.tags());
    parts.add(id, "AWS::Logs::LogGroup", page, p, List.of(), ResourceKind.LOG_GROUP, name);
  }

  /** Private, encrypted with S3-managed keys, versioned, tagged (aws.Buckets#secure). */
  static ObjectNode bucket(Parts parts, String name) {
    ObjectNode p = Cfn.object();
    p.put("BucketName", name);
    p.putObject("PublicAccessBlockConfiguration").put("BlockPublicAcls", true).put("IgnorePublicAcls", true)
        .put("BlockPublicPolicy", true).put("RestrictPublicBuckets", true);
    p.putObject("BucketEncryption").putArray("ServerSideEncryptionConfiguration").addObject()
        .putObject("ServerSideEncryptionByDefault").put("SSEAlgorithm", "AES256");
    p.putObject("VersioningConfiguration").put("Status", "Enabled");
    p.set("Tags", parts.tags());
    return p;
  }

  private static void targetGroup(Parts parts, String id, String name) {
    var spec = parts.spec;
    var hc = spec.loadBalancer().healthCheck();
    ObjectNode p = Cfn.object();
    p.put("Name", name);
    p.put("Protocol", "HTTP");
    p.put("Port", spec.container().port());
    p.set("VpcId", Cfn.ref(Parts.VPC));
    p.put("TargetType", "ip");
    p.put("HealthCheckProtocol", "HTTP");
    p.put("HealthCheckPath", spec.container().healthCheckPath());
    p.put("HealthCheckIntervalSeconds", hc.intervalSeconds());
    p.put("HealthCheckTimeoutSeconds", hc.timeoutSeconds());
    p.put("HealthyThresholdCount", hc.healthyThreshold());
    p.put("UnhealthyThresholdCount", hc.unhealthyThreshold());
    p.putObject("Matcher").put("HttpCode", hc.successCodes());
    p.putArray("TargetGroupAttributes").addObject().put("Key", "deregistration_delay.timeout_seconds")
        .put("Value", String.valueOf(spec.loadBalancer().deregistrationDelaySeconds()));
    p.set("Tags", parts.tags());
    parts.add(id, "AWS::ElasticLoadBalancingV2::TargetGroup", Pages.LOAD_BALANCER, p, List.of(),
        ResourceKind.TARGET_GROUP, name);
  }

  private static void loadBalancer(Parts parts) {
    LoadBalancer lb = parts.spec.loadBalancer();
    if (lb.isExisting()) {
      return;
    }
    ObjectNode p = Cfn.object();
    p.put("Name", lb.name());
    p.put("Type", "application");
    p.put("Scheme", "internet-facing");
    p.set("Subnets", Cfn.ref(Parts.SUBNETS));
    p.set("SecurityGroups", Cfn.array(Cfn.getAtt(LB_GROUP, "GroupId")));
    p.set("Tags", parts.tags());
    parts.add(LOAD_BALANCER, "AWS::ElasticLoadBalancingV2::LoadBalancer", Pages.LOAD_BALANCER, p, List.of(),
        ResourceKind.LOAD_BALANCER, lb.name());
  }

  /** Forwards to its target group; CloudFormation's listener type has no Tags, so the setup tag is not on it. */
  private static void listener(Parts parts, String id, int port, String targetGroupId) {
    LoadBalancer lb = parts.spec.loadBalancer();
    ObjectNode p = Cfn.object();
    p.set("LoadBalancerArn", lb.isExisting() ? Cfn.text(lb.existingArn()) : Cfn.ref(LOAD_BALANCER));
    p.put("Port", port);
    p.put("Protocol", "HTTP");
    ObjectNode forward = p.putArray("DefaultActions").addObject();
    forward.put("Type", "forward");
    forward.set("TargetGroupArn", Cfn.ref(targetGroupId));
    parts.add(id, "AWS::ElasticLoadBalancingV2::Listener", Pages.LOAD_BALANCER, p, List.of(), ResourceKind.LISTENER,
        TaggedResources.listenerName(loadBalancerName(lb), port));
  }

  /** The load balancer's name, also of one given by ARN ({@code …:loadbalancer/app/<name>/<id>}). */
  static String loadBalancerName(LoadBalancer lb) {
    if (!lb.isExisting()) {
      return lb.name();
    }
    String[] parts = lb.existingArn().split("/");
    return parts.length >= 3 ? parts[parts.length - 2] : lb.existingArn();
  }
}
