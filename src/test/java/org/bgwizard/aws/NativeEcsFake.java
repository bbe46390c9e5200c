package org.bgwizard.aws;

import java.time.Instant;

/**
 * An ECS built-in blue/green service with one deployment paused at its PAUSE hook before production traffic, as the
 * ECS and ELBv2 API references show it, over a {@link RoutingAwsServer}. ContinueServiceDeployment and
 * StopServiceDeployment move it as "Pause hooks for Amazon ECS service deployments" and "Stopping Amazon ECS
 * service deployments" describe: CONTINUE shifts production traffic and bakes; ROLLBACK returns it.
 */
public final class NativeEcsFake {
  public static final String CLUSTER = "demo-cluster";
  public static final String SERVICE = "demo-service";
  public static final String DEPLOYMENT = "arn:aws:ecs:us-east-1:123456789012:service-deployment/demo-cluster/"
      + "demo-service/Ab12Cd34";
  public static final String OLDER = "arn:aws:ecs:us-east-1:123456789012:service-deployment/demo-cluster/"
      + "demo-service/Zz98Yy76";
  public static final String HOOK = "ecs-pause-e7tK9G_WRJqNF_EOMjztDXfKenlJuEUVjsNStf4WLKw";
  static final String TG1 = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg-1/aaa";
  static final String TG2 = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg-2/bbb";
  static final String LB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo-alb/50dc";
  static final String PROD_LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo-alb/"
      + "50dc/f2f7";
  static final String TEST_LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo-alb/"
      + "50dc/aaaa";
  static final String PROD_RULE = PROD_LISTENER.replace(":listener/", ":listener-rule/") + "/9683";
  static final String TEST_RULE = TEST_LISTENER.replace(":listener/", ":listener-rule/") + "/1111";

  private final RoutingAwsServer server;
  private volatile String status = "IN_PROGRESS";
  private volatile String stage = "POST_TEST_TRAFFIC_SHIFT";
  private volatile String hookStatus = "AWAITING_ACTION";
  private volatile int productionToGreen;
  private volatile double updatedAt = 1765000300;
  /** The pause's expiresAt, seconds since the epoch. */
  public static final long EXPIRES = 1765003900;

  public NativeEcsFake(RoutingAwsServer server) {
    this.server = server;
    server.on("DescribeServices", body -> services())
        .on("ListServiceDeployments", body -> """
            {"serviceDeployments":[
              {"serviceDeploymentArn":"%s","createdAt":1765000000.0,"status":"%s"},
              {"serviceDeploymentArn":"%s","createdAt":1764990000.0,"status":"SUCCESSFUL"}]}"""
            .formatted(DEPLOYMENT, status, OLDER))
        .on("DescribeServiceDeployments", this::deployments)
        .on("ContinueServiceDeployment", body -> {
          hookStatus = "SUCCEEDED";
          if (body.contains("\"action\":\"ROLLBACK\"")) {
            status = "ROLLBACK_IN_PROGRESS";
          } else {
            productionToGreen = 100;
            stage = "BAKE_TIME";
            updatedAt = 1765000600;
          }
          return "{\"serviceDeploymentArn\":\"" + DEPLOYMENT + "\"}";
        })
        .on("StopServiceDeployment", body -> {
          status = "ROLLBACK_REQUESTED";
          return "{\"serviceDeploymentArn\":\"" + DEPLOYMENT + "\"}";
        })
        .on("ListTasks", "{\"taskArns\":[]}")
        .on("GetPipelineState", "{\"pipelineName\":\"demo-pipeline\",\"stageStates\":[]}")
        .on("ListPipelineExecutions", "{\"pipelineExecutionSummaries\":[]}")
        .on("DescribeListeners", this::listener)
        .on("DescribeLoadBalancers", body -> xml("DescribeLoadBalancers", "<LoadBalancers><member><LoadBalancerArn>"
            + LB + "</LoadBalancerArn><DNSName>demo-alb-123.us-east-1.elb.amazonaws.com</DNSName></member>"
            + "</LoadBalancers>"))
        .on("DescribeRules", this::rule)
        .on("DescribeTargetHealth", body -> xml("DescribeTargetHealth",
            "<TargetHealthDescriptions></TargetHealthDescriptions>"));
  }

  /** The deployment stops pausing without anyone acting (the hook timed out and rolled back, say). */
  public void endedAs(String newStatus) {
    status = newStatus;
    hookStatus = "TIMED_OUT";
  }

  public Instant expiresAt() {
    return Instant.ofEpochSecond(EXPIRES);
  }

  private String services() {
    return """
        {"services":[{"serviceName":"demo-service","status":"ACTIVE","desiredCount":1,"runningCount":%d,
          "deploymentController":{"type":"ECS"},
          "deploymentConfiguration":{"strategy":"BLUE_GREEN","bakeTimeInMinutes":10,
            "lifecycleHooks":[{"targetType":"PAUSE","lifecycleStages":["PRE_PRODUCTION_TRAFFIC_SHIFT"],
              "timeoutConfiguration":{"timeoutInMinutes":60,"action":"ROLLBACK"}}]},
          "loadBalancers":[{"targetGroupArn":"%s","containerName":"web","containerPort":80,
            "advancedConfiguration":{"alternateTargetGroupArn":"%s","productionListenerRule":"%s",
              "testListenerRule":"%s","roleArn":"arn:aws:iam::123456789012:role/demo-ecs-infrastructure"}}],
          "taskSets":[],"events":[{"id":"e1","createdAt":1765000100.0,
            "message":"(service demo-service) has started 1 tasks: (task 1a2b)."}]}],"failures":[]}"""
        .formatted(status.startsWith("IN_PROGRESS") ? 2 : 1, TG1, TG2, PROD_RULE, TEST_RULE);
  }

  private String deployments(String body) {
    StringBuilder b = new StringBuilder("{\"serviceDeployments\":[");
    if (body.contains(DEPLOYMENT)) {
      b.append("""
          {"serviceDeploymentArn":"%s","status":"%s","lifecycleStage":"%s","createdAt":1765000000.0,
           "startedAt":1765000005.0,"updatedAt":%s,
           "targetServiceRevision":{"arn":"arn:aws:ecs:us-east-1:123456789012:service-revision/demo-cluster/demo-service/2"},
           "deploymentConfiguration":{"strategy":"BLUE_GREEN","bakeTimeInMinutes":10},
           "lifecycleHookDetails":[{"hookId":"%s","targetType":"PAUSE","status":"%s","expiresAt":%d.0,
             "timeoutAction":"ROLLBACK"}]}""".formatted(DEPLOYMENT, status, stage, updatedAt, HOOK, hookStatus,
          EXPIRES));
    }
    if (body.contains(OLDER)) {
      b.append(body.contains(DEPLOYMENT) ? "," : "").append("""
          {"serviceDeploymentArn":"%s","status":"SUCCESSFUL","lifecycleStage":"CLEAN_UP","createdAt":1764990000.0,
           "finishedAt":1764991000.0,"lifecycleHookDetails":[]}""".formatted(OLDER));
    }
    return b.append("],\"failures\":[]}").toString();
  }

  private String listener(String body) {
    boolean test = body.contains(java.net.URLEncoder.encode(TEST_LISTENER, java.nio.charset.StandardCharsets.UTF_8));
    return xml("DescribeListeners", "<Listeners><member><ListenerArn>" + (test ? TEST_LISTENER : PROD_LISTENER)
        + "</ListenerArn><LoadBalancerArn>" + LB + "</LoadBalancerArn><Port>" + (test ? 8080 : 80) + "</Port>"
        + "<Protocol>HTTP</Protocol><DefaultActions><member><Type>forward</Type><TargetGroupArn>" + TG1
        + "</TargetGroupArn></member></DefaultActions></member></Listeners>");
  }

  private String rule(String body) {
    boolean test = body.contains(java.net.URLEncoder.encode(TEST_RULE, java.nio.charset.StandardCharsets.UTF_8));
    int green = test ? 100 : productionToGreen;
    return xml("DescribeRules", "<Rules><member><RuleArn>" + (test ? TEST_RULE : PROD_RULE) + "</RuleArn>"
        + "<Priority>1</Priority><Actions><member><Type>forward</Type><ForwardConfig><TargetGroups>"
        + "<member><TargetGroupArn>" + TG1 + "</TargetGroupArn><Weight>" + (100 - green) + "</Weight></member>"
        + "<member><TargetGroupArn>" + TG2 + "</TargetGroupArn><Weight>" + green + "</Weight></member>"
        + "</TargetGroups></ForwardConfig></member></Actions></member></Rules>");
  }

  private static String xml(String action, String result) {
    return "<" + action + "Response xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><" + action
        + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>r</RequestId>"
        + "</ResponseMetadata></" + action + "Response>";
  }
}
