/**
 * CodeCommit: repositories, branches, commits made through the API with git blob ids, fast-forward merges and merge
 * checks (CodeCommitMerges), and reading files back (error
 * texts whose AWS wording is unknown are marked where thrown), with the events a branch change puts on EventBridge
 * ("Monitoring CodeCommit events in Amazon EventBridge", CodeCommit User Guide).
 */
package org.bgwizard.sandbox.codecommit;
