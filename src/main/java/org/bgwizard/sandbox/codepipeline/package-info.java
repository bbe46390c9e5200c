/**
 * CodePipeline: pipeline declarations and their validation, executions stage by stage with SUPERSEDED, QUEUED and
 * PARALLEL modes, source polling, and the actions (CodeCommit, S3, CodeConnections sources; CodeBuild; ECS blue/green
 * deploy; the standard Amazon ECS deploy action; manual approval and its SNS notification), variables in action
 * configuration, and the CodeBuild action's EnvironmentVariables (CodePipeline API Reference; CodePipeline User Guide,
 * "Start a pipeline in CodePipeline", "Amazon Elastic Container Service deploy action reference", "Manage approval
 * actions in CodePipeline", "JSON data format for manual approval notifications in CodePipeline", "Variables
 * reference", "AWS CodeBuild build and test action reference").
 * Implements {@link org.bgwizard.sandbox.core.Ports.PipelineStarter}.
 */
package org.bgwizard.sandbox.codepipeline;
