package org.bgwizard.provision.steps;

import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.BuildProjects;
import org.bgwizard.aws.Buckets;
import org.bgwizard.aws.CodeCommitRepos;
import org.bgwizard.aws.CodeConnections;
import org.bgwizard.aws.CodeDeployResources;
import org.bgwizard.aws.Discovery;
import org.bgwizard.aws.EcsResources;
import org.bgwizard.aws.EventRules;
import org.bgwizard.aws.IamRoles;
import org.bgwizard.aws.LoadBalancers;
import org.bgwizard.aws.LogGroups;
import org.bgwizard.aws.Pipelines;
import org.bgwizard.aws.Repositories;
import org.bgwizard.aws.SecurityGroups;
import org.bgwizard.aws.TaggedResources;
import org.bgwizard.aws.Topics;

/** The aws package's resource classes over one connection, as the steps use them. */
public record AwsResources(IamRoles roles, Repositories repositories, SecurityGroups securityGroups,
    LogGroups logGroups, Buckets buckets, CodeCommitRepos codeCommit, LoadBalancers elb, EcsResources ecs,
    CodeDeployResources codeDeploy, BuildProjects builds, Pipelines pipelines, Discovery discovery,
    TaggedResources tagged, EventRules eventRules, CodeConnections connections, Topics topics) {

  public static AwsResources of(AwsClients clients) {
    return new AwsResources(new IamRoles(clients), new Repositories(clients), new SecurityGroups(clients),
        new LogGroups(clients), new Buckets(clients), new CodeCommitRepos(clients), new LoadBalancers(clients),
        new EcsResources(clients), new CodeDeployResources(clients), new BuildProjects(clients),
        new Pipelines(clients), new Discovery(clients), new TaggedResources(clients), new EventRules(clients),
        new CodeConnections(clients), new Topics(clients));
  }
}
