package org.bgwizard.aws;

/**
 * A subnet.
 *
 * @param isPublic its route table sends 0.0.0.0/0 to an internet gateway (tasks there need a public IP to pull
 *     images, catalogue row 19)
 */
public record SubnetInfo(String id, String vpcId, String availabilityZone, String cidr, boolean isPublic,
    boolean defaultForAz) {}
