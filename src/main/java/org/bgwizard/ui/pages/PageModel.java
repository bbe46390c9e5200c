package org.bgwizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.ui.common.FieldProblems;
import org.bgwizard.ui.common.Messages;

/**
 * The state of one setup page. Every edit is written straight into the wizard's spec, so Back, the step list and
 * File › Save see it, and the spec the page would produce is validated at once; the page's own fields' problems
 * are its messages, and {@link #valid()} gates Next.
 */
public abstract class PageModel {
  private final ObjectProperty<SetupSpec> spec;
  private final FieldProblems problems;
  private boolean applying;

  protected PageModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    this.spec = spec;
    this.problems = new FieldProblems(locale, Messages.of(locale).get("field.required"));
  }

  /** The message under {@code field} (a dotted spec path); empty while it is fine. */
  public ReadOnlyStringProperty error(String field) {
    return problems.message(field);
  }

  /** True while none of the page's fields has a problem. */
  public ReadOnlyBooleanProperty valid() {
    return problems.none();
  }

  /**
   * {@code base} with this page's inputs applied. Inputs the spec cannot hold (an empty number) add their
   * problem to {@code inputProblems} and leave the spec's value as it was.
   */
  protected abstract SetupSpec apply(SetupSpec base, List<Problem> inputProblems);

  protected final SetupSpec spec() {
    return spec.get();
  }

  /** Registers the fields the page shows, so that their problems count; call {@link #update()} after. */
  protected final void fields(String... fields) {
    for (String field : fields) {
      problems.message(field);
    }
  }

  /** Applies the inputs whenever one of them changes. */
  protected final void watch(Observable... inputs) {
    for (Observable input : inputs) {
      input.addListener(changed -> update());
    }
  }

  /** Writes the inputs into the spec (only when that changes it) and shows the problems of the result. */
  protected final void update() {
    if (applying) {
      return;
    }
    applying = true;
    try {
      var found = new ArrayList<Problem>();
      SetupSpec next = apply(spec.get(), found);
      if (!next.equals(spec.get())) {
        spec.set(next);
      }
      found.addAll(SpecValidator.validate(next));
      problems.show(found);
    } finally {
      applying = false;
    }
  }

  /** A whole number typed into {@code text}; when it is empty, {@code current} stays and the field is missing. */
  protected static int number(StringProperty text, int current, String field, List<Problem> inputProblems) {
    String typed = text.get() == null ? "" : text.get().strip();
    if (!typed.matches("\\d{1,9}")) {
      inputProblems.add(Problem.of(field, null, "missing"));
      return current;
    }
    return Integer.parseInt(typed);
  }

  /** Like {@link #number}, but an empty field means "not set". */
  protected static Integer optionalNumber(StringProperty text) {
    String typed = text.get() == null ? "" : text.get().strip();
    return typed.matches("\\d{1,9}") ? Integer.valueOf(typed) : null;
  }

  /** Text for an optional spec value: an empty field means "not set". */
  protected static String optional(StringProperty text) {
    String typed = text.get();
    return typed == null || typed.isEmpty() ? null : typed;
  }

  protected static String text(String value) {
    return value == null ? "" : value;
  }

  protected static String text(int value) {
    return String.valueOf(value);
  }
}
