package org.bgwizard.provision.steps;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.aws.AwsClients;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Everything a setup can leave in an account, as sorted "kind/name" lines (task definition revisions and
 * repository commits counted), leaving out what every account has: the default VPC's security group and AWS's
 * service-linked roles. Two accounts with the same inventory hold the same resources, and no duplicates.
 */
final class Inventory {
  private Inventory() {}

  static List<String> of(AwsClients aws) {
    var out = new ArrayList<String>();
    aws.iam().listRolesPaginator(r -> { }).roles().stream()
        .filter(r -> !r.path().startsWith("/aws-service-role/"))
        .forEach(r -> out.add("iam-role/" + r.roleName()));
    aws.ecr().describeRepositoriesPaginator(r -> { }).repositories()
        .forEach(r -> out.add("ecr-repository/" + r.repositoryName()));
    aws.ec2().describeSecurityGroupsPaginator(r -> { }).securityGroups().stream()
        .filter(g -> !g.groupName().equals("default"))
        .forEach(g -> out.add("ec2-security-group/" + g.groupName() + " rules=" + g.ipPermissions().size()));
    aws.logs().describeLogGroupsPaginator(r -> { }).logGroups()
        .forEach(g -> out.add("logs-log-group/" + g.logGroupName()));
    aws.s3().listBucketsPaginator(r -> { }).buckets().forEach(b -> out.add("s3-bucket/" + b.name()));
    var elb = aws.elbv2();
    elb.describeTargetGroupsPaginator(r -> { }).targetGroups()
        .forEach(t -> out.add("elbv2-target-group/" + t.targetGroupName()));
    elb.describeLoadBalancersPaginator(r -> { }).loadBalancers().forEach(lb -> {
      out.add("elbv2-load-balancer/" + lb.loadBalancerName());
      elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()
          .forEach(l -> out.add("elbv2-listener/" + lb.loadBalancerName() + ":" + l.port()));
    });
    var ecs = aws.ecs();
    for (String cluster : ecs.listClustersPaginator(r -> { }).clusterArns()) {
      out.add("ecs-cluster/" + cluster.substring(cluster.lastIndexOf('/') + 1));
      ecs.listServicesPaginator(r -> r.cluster(cluster)).serviceArns()
          .forEach(s -> out.add("ecs-service/" + s.substring(s.lastIndexOf('/') + 1)));
    }
    ecs.listTaskDefinitionsPaginator(r -> r.status(TaskDefinitionStatus.ACTIVE)).taskDefinitionArns()
        .forEach(t -> out.add("ecs-task-definition/" + t.substring(t.lastIndexOf('/') + 1)));
    var codeCommit = aws.codeCommit();
    codeCommit.listRepositoriesPaginator(r -> { }).repositories().forEach(repo -> {
      String name = repo.repositoryName();
      out.add("codecommit-repository/" + name + " commits=" + commits(aws, name));
    });
    var codeDeploy = aws.codeDeploy();
    codeDeploy.listApplicationsPaginator(r -> { }).applications().forEach(app -> {
      out.add("codedeploy-application/" + app);
      codeDeploy.listDeploymentGroupsPaginator(r -> r.applicationName(app)).deploymentGroups()
          .forEach(g -> out.add("codedeploy-deployment-group/" + g));
    });
    aws.codeBuild().listProjectsPaginator(r -> { }).projects().forEach(p -> out.add("codebuild-project/" + p));
    aws.codePipeline().listPipelinesPaginator(r -> { }).pipelines()
        .forEach(p -> out.add("codepipeline-pipeline/" + p.name()));
    aws.eventBridge().listRules(r -> { }).rules().forEach(rule -> out.add("events-rule/" + rule.name() + " targets="
        + aws.eventBridge().listTargetsByRule(r -> r.rule(rule.name())).targets().size()));
    out.sort(null);
    return out;
  }

  private static int commits(AwsClients aws, String repository) {
    var branches = aws.codeCommit().listBranchesPaginator(r -> r.repositoryName(repository)).branches().stream()
        .toList();
    int count = 0;
    for (String branch : branches) {
      String commit = aws.codeCommit().getBranch(r -> r.repositoryName(repository).branchName(branch)).branch()
          .commitId();
      while (commit != null) {
        count++;
        String at = commit;
        var parents = aws.codeCommit().getCommit(r -> r.repositoryName(repository).commitId(at)).commit().parents();
        commit = parents.isEmpty() ? null : parents.get(0);
      }
    }
    return count;
  }
}
