package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgwizard.aws.ProfileSummary.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** Reads a fake config + credentials pair (AWS's documented example keys) from a temporary folder. */
class ProfileCatalogTest {
  private static final String FAKE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private ProfileCatalog catalog;

  @BeforeEach
  void read(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("config"), """
        [default]
        region = ap-northeast-1

        [profile dev]
        sso_session = corp
        sso_account_id = 123456789012
        sso_role_name = PowerUserAccess
        region = eu-west-1

        [profile legacy-sso]
        sso_start_url = https://legacy.awsapps.com/start
        sso_region = us-west-2
        sso_account_id = 210987654321
        sso_role_name = ReadOnly

        [profile deployer]
        role_arn = arn:aws:iam::123456789012:role/deployer
        source_profile = default

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access
        """);
    Path credentials = Files.writeString(dir.resolve("credentials"), """
        [default]
        aws_access_key_id = AKIAIOSFODNN7EXAMPLE
        aws_secret_access_key = %s
        """.formatted(FAKE_SECRET));
    catalog = ProfileCatalog.of(ProfileFile.aggregator()
        .addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build())
        .addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build())
        .build());
  }

  @Test
  void profiles_listDefaultFirst_thenByName() {
    assertEquals(List.of("default", "deployer", "dev", "legacy-sso"),
        catalog.profiles().stream().map(ProfileSummary::name).toList());
  }

  @Test
  void keysProfile_showsItsRegion_andNoSecret() {
    ProfileSummary p = catalog.find("default").orElseThrow();

    assertEquals(SignIn.ACCESS_KEYS, p.signIn());
    assertEquals("ap-northeast-1", p.region());
    assertFalse(catalog.profiles().toString().contains(FAKE_SECRET));
    assertFalse(catalog.profiles().toString().contains("AKIAIOSFODNN7EXAMPLE"));
  }

  @Test
  void ssoSessionProfile_takesStartUrlAndSsoRegionFromItsSession() {
    assertEquals(new ProfileSummary("dev", SignIn.SSO, "eu-west-1", "https://corp.awsapps.com/start", "us-east-1",
        "123456789012", "PowerUserAccess"), catalog.find("dev").orElseThrow());
  }

  @Test
  void legacySsoProfile_isSso_withItsOwnStartUrl() {
    ProfileSummary p = catalog.find("legacy-sso").orElseThrow();

    assertEquals(SignIn.SSO, p.signIn());
    assertEquals("https://legacy.awsapps.com/start", p.ssoStartUrl());
    assertNull(p.region());
  }

  @Test
  void roleProfile_assumesARole() {
    assertEquals(SignIn.ASSUME_ROLE, catalog.find("deployer").orElseThrow().signIn());
  }

  @Test
  void malformedFile_isAProfileFileProblem() {
    ConnectionProblem p = assertThrows(ConnectionProblem.class, () -> ProfileCatalog.read(() ->
        ProfileFile.builder().content(new ByteArrayInputStream("[default\n".getBytes(StandardCharsets.UTF_8)))
            .type(ProfileFile.Type.CONFIGURATION).build()));

    assertEquals(ConnectionProblem.Kind.PROFILE_FILE_INVALID, p.kind());
  }
}
