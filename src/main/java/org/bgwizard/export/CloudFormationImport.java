package org.bgwizard.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.artifacts.Json;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * The files that move a created setup under a stack without recreating anything ("Import AWS resources into a
 * CloudFormation stack manually", CloudFormation User Guide): a template of the importable resources, each with
 * {@code DeletionPolicy: Retain}; the {@code --resources-to-import} file with each one's identifier from the journal
 * (or, when the journal lacks it, from the account); the full template to deploy once the import is done; and a
 * README with the exact commands and what CloudFormation cannot import.
 */
public final class CloudFormationImport {
  public static final String IMPORT_TEMPLATE = "import-template.yaml";
  public static final String RESOURCES_TO_IMPORT = "resources-to-import.json";
  public static final String TEMPLATE = "template.yaml";
  public static final String README = "README.md";
  public static final String CHANGE_SET = "bgwizard-import";
  private static final String SUBSCRIPTION = "AWS::SNS::Subscription";
  private static final Set<JournalEntry.State> MADE = EnumSet.of(JournalEntry.State.CREATED, JournalEntry.State.DONE);

  private CloudFormationImport() {}

  /**
   * What the account says: its id, the network the parameters take, each resource's ARN now, and the resources it
   * lacks.
   *
   * @param loadBalancerGroup the security group of the user's load balancer, or null when the setup made its own
   */
  public record AccountFacts(String accountId, String vpcId, List<String> subnets, String loadBalancerGroup,
      Map<ResourceRef, String> arns, Set<ResourceRef> absent) {
    public AccountFacts {
      subnets = List.copyOf(subnets);
      arns = Map.copyOf(arns);
      absent = Set.copyOf(absent);
    }
  }

  /**
   * The files to write (in English, as the command line writes them), the commands to print, and every resource of
   * the setup the import leaves out, with why; the last two, and the README, also in the reader's language.
   */
  public record Prepared(Map<String, String> files, ImportScript script, List<ImportText> notes, ImportReadme readme) {
    public Prepared {
      files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
      notes = List.copyOf(notes);
    }

    /**
     * The files with the README in {@code locale}, as the window writes them; the templates and the identifiers are
     * the same in every language.
     */
    public Map<String, String> files(Locale locale) {
      var out = new LinkedHashMap<>(files);
      out.put(README, readme.in(locale));
      return java.util.Collections.unmodifiableMap(out);
    }

    /** The commands with their comments in English, as the command line prints them. */
    public String commands() {
      return script.in(Locale.ROOT);
    }

    public String commands(Locale locale) {
      return script.in(locale);
    }

    /** What the import leaves out, in English. */
    public List<String> leftOut() {
      return leftOut(Locale.ROOT);
    }

    public List<String> leftOut(Locale locale) {
      return notes.stream().map(n -> n.in(locale)).toList();
    }
  }

  public static Prepared prepare(SetupSpec spec, String stack, String setupFile, List<JournalEntry> journal,
      AccountFacts facts) {
    CloudFormationTemplate whole = inAccount(SetupTemplate.of(spec), facts.accountId());
    CloudFormationTemplate template = SetupTemplate.of(keepCodeCommitOutside(spec));
    var made = new LinkedHashMap<ResourceRef, JournalEntry>();
    journal.stream().filter(e -> e.origin() == Origin.CREATE && MADE.contains(e.state()))
        .forEach(e -> made.put(e.ref(), e));
    ArrayNode toImport = Json.MAPPER.createArrayNode();
    Set<String> imported = new LinkedHashSet<>();
    var leftOut = new ArrayList<ImportText>();
    // by type: a setup with environments has a deployment group per environment, all with the same advice
    var cannot = new LinkedHashMap<String, List<String>>();
    var recreate = new ArrayList<TemplateResource>();
    for (TemplateResource r : whole.resources()) {
      JournalEntry entry = made.get(r.journalRef());
      Optional<ImportText> advice = ImportIdentifiers.advice(r.type());
      if (advice.isPresent()) {
        cannot.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.journalRef().name());
        if (ImportCommands.RECREATED.contains(r.type())) {
          recreate.add(r);
        }
      } else if (entry == null) {
        leftOut.add(ImportText.of("leftOut.notInJournal", r.journalRef().toString(), TEMPLATE));
      } else if (facts.absent().contains(r.journalRef())) {
        leftOut.add(ImportText.of("leftOut.notInAccount", r.journalRef().toString(), TEMPLATE));
      } else {
        identifier(r, entry, facts).ifPresentOrElse(id -> {
          ObjectNode item = toImport.addObject();
          item.put("ResourceType", r.type());
          item.put("LogicalResourceId", r.logicalId());
          item.set("ResourceIdentifier", id);
          imported.add(r.logicalId());
        }, () -> leftOut.add(r.type().equals(SUBSCRIPTION)
            ? ImportText.of("leftOut.pendingConfirmation", r.journalRef().toString(), TEMPLATE)
            : ImportText.of("leftOut.noIdentifier", r.journalRef().toString())));
      }
    }
    // the advice is worded for how many there are (one deployment group, or one per environment)
    cannot.forEach((type, names) -> leftOut.add(ImportText.of("leftOut.cannotImport", type + " " + String.join(", ",
        names), ImportText.of(ImportIdentifiers.advice(type).orElseThrow().key(), names.size()))));
    made.keySet().stream().filter(ref -> whole.resources().stream().noneMatch(r -> r.journalRef().equals(ref)))
        .forEach(ref -> leftOut.add(ImportText.of("leftOut.notInTemplate", ref.toString())));
    var files = new LinkedHashMap<String, String>();
    files.put(IMPORT_TEMPLATE, template.onlyResources(imported, template.description() + " (resource import)")
        .yaml(SetupTemplate.header(spec, "see " + README), imported));
    files.put(RESOURCES_TO_IMPORT, Json.pretty(toImport));
    files.put(TEMPLATE, template.yaml(SetupTemplate.header(spec, "after the import, see " + README), imported));
    ImportScript commands = ImportCommands.text(spec, stack, setupFile, facts, whole, recreate);
    var readme = new ImportReadme(spec.name(), stack, spec.strategy(), commands, leftOut);
    files.put(README, readme.in(Locale.ROOT));
    return new Prepared(files, commands, leftOut, readme);
  }

  /** The template's resources with their journal names in the account (the artifact bucket's name has its id). */
  private static CloudFormationTemplate inAccount(CloudFormationTemplate template, String accountId) {
    return new CloudFormationTemplate(template.description(), template.parameters(), template.resources().stream()
        .map(r -> new TemplateResource(r.logicalId(), r.type(), r.page(), r.properties(), r.dependsOn(),
            new ResourceRef(r.journalRef().kind(), r.journalRef().name().replace(AccountNeutral.ACCOUNT, accountId))))
        .toList(), template.outputs());
  }

  /** A CodeCommit repository holds the code and cannot be imported: the stack names it and leaves it alone. */
  private static SetupSpec keepCodeCommitOutside(SetupSpec spec) {
    Source s = spec.source();
    if (s.provider() != Source.Provider.CODECOMMIT || s.existingRepository()) {
      return spec;
    }
    return spec.withSource(Source.codeCommit(s.repository(), s.branch(), true, s.commitStarterApp()));
  }

  private static boolean isArn(String value) {
    return value.startsWith("arn:");
  }

  private static Optional<ObjectNode> identifier(TemplateResource r, JournalEntry entry, AccountFacts facts) {
    var keys = ImportIdentifiers.of(r.type());
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode id = Json.object();
    for (ImportIdentifiers.Key key : keys.get()) {
      boolean arn = "arn".equals(key.output());
      // an e-mail subscription not yet confirmed is recorded and listed with "pending confirmation" for its ARN
      Optional<String> value = key.valueIn(entry).filter(v -> !arn || isArn(v));
      if (value.isEmpty() && arn) {
        value = Optional.ofNullable(facts.arns().get(entry.ref())).filter(CloudFormationImport::isArn);
      }
      if (value.isEmpty()) {
        return Optional.empty();
      }
      id.put(key.property(), value.get());
    }
    return Optional.of(id);
  }
}
