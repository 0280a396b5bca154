//! Settings' "what the coach knows" part, made on the server as HTML ([`markup`], which keeps
//! it out of the wasm): the facts the `remember` tool keeps, each editable and deletable, a
//! form to add one (plain forms to `server::site::fact_forms`), and the training profile the
//! coach plans with (`server::site::profile_forms`): fitness level, injuries, exercises liked
//! and avoided, rep ranges, the reminder / achievement / weekly-report switches and the gym's
//! bar and plates. The page's query says which of its forms was refused and why.

use leptos::prelude::*;

use crate::domain::account::Language;
use crate::domain::catalog::catalog;
use crate::domain::chat::facts::{FactKind, FactSource};
use crate::domain::display::exact_number;
use crate::domain::profile::{FitnessLevel, TrainingProfile};
use crate::domain::progression::balance::Injury;
use crate::server::db::users::User;
use crate::server::db::{Db, facts, training_profile};
use crate::server::markup;

struct Labels {
    facts_title: &'static str,
    facts_intro: &'static str,
    facts_none: &'static str,
    fact_text: &'static str,
    fact_kind: &'static str,
    fact_add: &'static str,
    fact_from_chat: &'static str,
    /// In `FactKind::ALL` order.
    fact_kinds: [&'static str; 6],
    err_fact: &'static str,
    save: &'static str,
    save_profile: &'static str,
    delete: &'static str,
    training_title: &'static str,
    training_intro: &'static str,
    level: &'static str,
    level_unset: &'static str,
    /// In `FitnessLevel::ALL` order.
    levels: [&'static str; 3],
    injuries: &'static str,
    /// In `Injury::ALL` order.
    injury_names: [&'static str; 8],
    preferred: &'static str,
    avoided: &'static str,
    names_hint: &'static str,
    rep_ranges: &'static str,
    rep_ranges_hint: &'static str,
    switches: &'static str,
    reminders: &'static str,
    achievements: &'static str,
    weekly_reports: &'static str,
    gym: &'static str,
    bar: &'static str,
    plates: &'static str,
    dumbbell_step: &'static str,
    machine_step: &'static str,
    err_unknown_exercise: &'static str,
    err_rep_range: &'static str,
    err_weight: &'static str,
    err_profile: &'static str,
}

const EN: Labels = Labels {
    facts_title: "What the coach knows about you",
    facts_intro: "The coach keeps these in mind in every conversation. Tell it “remember that …” in the chat, or add and change them here.",
    facts_none: "Nothing yet.",
    fact_text: "Fact",
    fact_kind: "About",
    fact_add: "Add",
    fact_from_chat: "from the chat",
    fact_kinds: [
        "Other",
        "Fitness level",
        "Exercise I like",
        "Exercise I avoid",
        "Injury",
        "Equipment",
    ],
    err_fact: "Write the fact in 1 to 500 characters.",
    save: "Save",
    save_profile: "Update training profile",
    delete: "Delete",
    training_title: "Training profile",
    training_intro: "The coach plans your next sessions with this: it suggests loads your gym can put on the bar, leaves out what you avoid or what would hurt, and picks what you like first.",
    level: "Fitness level",
    level_unset: "Not set",
    levels: ["Beginner", "Intermediate", "Advanced"],
    injuries: "Injuries to train around",
    injury_names: [
        "Knee",
        "Lower back",
        "Shoulder",
        "Elbow",
        "Wrist",
        "Hip",
        "Ankle",
        "Neck",
    ],
    preferred: "Exercises you like",
    avoided: "Exercises you avoid",
    names_hint: "Names separated by commas, in English or Hebrew, e.g. “squat, bench press”.",
    rep_ranges: "Your rep ranges",
    rep_ranges_hint: "One per line, e.g. “bench press: 3-5”. Others: 5–8 for barbell compounds, 8–12 for the rest.",
    switches: "Notifications",
    reminders: "Remind me of plan items due today",
    achievements: "Tell me about new achievements",
    weekly_reports: "Send me a weekly check-in on Monday mornings",
    gym: "Your gym",
    bar: "Bar",
    plates: "Plates (sizes, separated by commas)",
    dumbbell_step: "Dumbbell step",
    machine_step: "Machine stack step",
    err_unknown_exercise: "No exercise in the catalog is clearly this name:",
    err_rep_range: "Write a rep range as “name: low-high” (1 to 50 reps):",
    err_weight: "A weight is a number from 0 to 500:",
    err_profile: "Check the training profile: a bar and at least one plate size, steps above 0.",
};

const HE: Labels = Labels {
    facts_title: "מה המאמן יודע עליך",
    facts_intro: "המאמן זוכר את אלה בכל שיחה. אמרו לו „תזכור ש…” בצ'אט, או הוסיפו ושנו אותם כאן.",
    facts_none: "עוד כלום.",
    fact_text: "עובדה",
    fact_kind: "נושא",
    fact_add: "הוספה",
    fact_from_chat: "מהצ'אט",
    fact_kinds: [
        "אחר",
        "רמת כושר",
        "תרגיל שאני אוהב",
        "תרגיל שאני נמנע ממנו",
        "פציעה",
        "ציוד",
    ],
    err_fact: "כתבו את העובדה ב-1 עד 500 תווים.",
    save: "שמירה",
    save_profile: "עדכון פרופיל האימון",
    delete: "מחיקה",
    training_title: "פרופיל אימון",
    training_intro: "המאמן מתכנן איתו את האימונים הבאים: מציע משקלים שאפשר להעמיס בחדר הכושר שלכם, משאיר בחוץ את מה שאתם נמנעים ממנו או מה שיכאיב, ובוחר קודם את מה שאתם אוהבים.",
    level: "רמת כושר",
    level_unset: "לא נקבעה",
    levels: ["מתחיל", "בינוני", "מתקדם"],
    injuries: "פציעות להתאמן סביבן",
    injury_names: [
        "ברך",
        "גב תחתון",
        "כתף",
        "מרפק",
        "שורש כף היד",
        "מפרק הירך",
        "קרסול",
        "צוואר",
    ],
    preferred: "תרגילים שאתם אוהבים",
    avoided: "תרגילים שאתם נמנעים מהם",
    names_hint: "שמות מופרדים בפסיקים, בעברית או באנגלית, למשל „סקוואט, לחיצת חזה”.",
    rep_ranges: "טווחי החזרות שלכם",
    rep_ranges_hint: "אחד בכל שורה, למשל „לחיצת חזה: 3-5”. האחרים: 5–8 לתרגילי מוט מורכבים, 8–12 לשאר.",
    switches: "התראות",
    reminders: "להזכיר לי פריטי תוכנית להיום",
    achievements: "לספר לי על הישגים חדשים",
    weekly_reports: "לשלוח לי סיכום שבועי בימי שני בבוקר",
    gym: "חדר הכושר שלכם",
    bar: "מוט",
    plates: "משקולות (גדלים, מופרדים בפסיקים)",
    dumbbell_step: "הפרש בין משקולות יד",
    machine_step: "הפרש בערימת המכונה",
    err_unknown_exercise: "אין בקטלוג תרגיל שזה בבירור שמו:",
    err_rep_range: "כתבו טווח חזרות כ„שם: מ-עד” (1 עד 50 חזרות):",
    err_weight: "משקל הוא מספר בין 0 ל-500:",
    err_profile: "בדקו את פרופיל האימון: מוט ולפחות גודל משקולת אחד, הפרשים מעל 0.",
};

fn labels(language: Language) -> &'static Labels {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}

fn position<T: PartialEq>(all: &[T], x: &T) -> usize {
    all.iter().position(|a| a == x).unwrap_or(0)
}

/// What the page's address says went wrong: `?error=fact` (a fact's form) or
/// `?training_error=<code>&training_words=<words>` (the profile's, with its fields as typed).
#[derive(Clone, Debug, Default)]
pub struct Refused {
    pub fact: bool,
    pub training: Option<(String, String)>,
    pub typed: Vec<(String, String)>,
}

/// The profile form's fields as text: as typed when it came back refused, else the stored
/// profile's.
struct Values(Vec<(String, String)>);

impl Values {
    fn of(profile: &TrainingProfile, user: &User) -> Values {
        let language = user.language;
        let loading = profile.loading(user.units);
        let mut v: Vec<(String, String)> = Vec::new();
        let mut put = |k: &str, value: String| v.push((k.to_owned(), value));
        if let Some(level) = profile.fitness_level {
            put("level", level.as_str().to_owned());
        }
        for injury in &profile.injuries {
            put("injury", injury.as_str().to_owned());
        }
        put("preferred", names(&profile.preferred_exercises, language));
        put("avoided", names(&profile.avoided_exercises, language));
        let ranges: Vec<String> = profile
            .rep_ranges
            .iter()
            .filter_map(|(slug, r)| {
                let e = catalog().get(slug)?;
                Some(format!(
                    "{}: {}-{}",
                    language.pick(&e.name_en, &e.name_he),
                    r.low,
                    r.high
                ))
            })
            .collect();
        put("rep_ranges", ranges.join("\n"));
        for (name, on) in [
            ("reminders", profile.reminders),
            ("achievements", profile.achievements),
            ("weekly_reports", profile.weekly_reports),
        ] {
            if on {
                put(name, "on".to_owned());
            }
        }
        // Exactly as stored: the form is saved back whole, so a 1.25 kg plate shown as 1.3
        // would change the gym with any other edit.
        put("bar", exact_number(loading.bar));
        let plates: Vec<String> = loading.plates.iter().map(|p| exact_number(*p)).collect();
        put("plates", plates.join(", "));
        put("dumbbell_step", exact_number(loading.dumbbell_step));
        put("machine_step", exact_number(loading.machine_step));
        Values(v)
    }

    fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    fn has(&self, name: &str, value: Option<&str>) -> bool {
        self.0
            .iter()
            .any(|(k, v)| k == name && value.is_none_or(|want| v == want))
    }
}

/// The facts and the training profile sections.
pub async fn html(db: &Db, user: &User, refused: &Refused) -> Result<String, sqlx::Error> {
    let l = labels(user.language);
    let list = facts::list(db, &user.id).await?;
    let profile = training_profile::get(db, &user.id).await?;
    Ok(markup::html(view! {
        {facts_section(l, list, refused.fact)}
        {training_section(l, user, &profile, refused)}
    }))
}

fn kind_select(l: &'static Labels, id: String, chosen: FactKind) -> impl IntoView + use<> {
    let options = FactKind::ALL
        .iter()
        .map(|k| {
            view! { <option value=k.as_str() selected=*k == chosen>{l.fact_kinds[position(FactKind::ALL, k)]}</option> }
        })
        .collect_view();
    view! {
        <label class="sr-only" for=id.clone()>{l.fact_kind}</label>
        <select id=id name="kind">{options}</select>
    }
}

fn facts_section(
    l: &'static Labels,
    list: Vec<facts::Fact>,
    refused: bool,
) -> impl IntoView + use<> {
    let items = (!list.is_empty()).then(|| {
        let items = list
            .into_iter()
            .map(|fact| {
                let id = fact.id.to_string();
                view! {
                    <li>
                        <form class="inline-form" method="post" action=format!("/settings/facts/{id}")>
                            {kind_select(l, format!("fact_kind_{id}"), fact.kind)}
                            <label class="sr-only" for=format!("fact_text_{id}")>{l.fact_text}</label>
                            <input id=format!("fact_text_{id}") name="text" type="text" required maxlength="500" dir="auto"
                                value=fact.text/>
                            {(fact.source == FactSource::Chat).then(|| view! { <small class="hint">{l.fact_from_chat}</small> })}
                            <button type="submit" class="btn btn-quiet">{l.save}</button>
                        </form>
                        <form method="post" action=format!("/settings/facts/{id}/delete")>
                            <button type="submit" class="btn btn-quiet">{l.delete}</button>
                        </form>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="fact-list">{items}</ul> }
    });
    let none = items
        .is_none()
        .then(|| view! { <p class="muted">{l.facts_none}</p> });
    view! {
        <section class="card" id="facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{l.facts_title}</h2>
            <p class="hint">{l.facts_intro}</p>
            {refused.then(|| view! { <p class="notice notice-error" role="alert">{l.err_fact}</p> })}
            {items}
            {none}
            <form class="inline-form" method="post" action="/settings/facts">
                {kind_select(l, "fact_kind_new".to_owned(), FactKind::Other)}
                <label for="fact_text_new">{l.fact_text}</label>
                <input id="fact_text_new" name="text" type="text" required maxlength="500" dir="auto"/>
                <button type="submit" class="btn">{l.fact_add}</button>
            </form>
        </section>
    }
}

/// Catalog slugs as names in the user's language, separated by commas.
fn names(slugs: &[String], language: Language) -> String {
    slugs
        .iter()
        .filter_map(|s| catalog().get(s))
        .map(|e| language.pick(e.name_en.as_str(), e.name_he.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn training_section(
    l: &'static Labels,
    user: &User,
    profile: &TrainingProfile,
    refused: &Refused,
) -> impl IntoView + use<> {
    let unit = crate::domain::display::weight_unit_label(user.units);
    let values = match &refused.training {
        Some(_) if !refused.typed.is_empty() => Values(refused.typed.clone()),
        _ => Values::of(profile, user),
    };
    let error = refused.training.as_ref().map(|(code, words)| {
        let message = match code.as_str() {
            "unknown_exercise" => l.err_unknown_exercise,
            "rep_range" => l.err_rep_range,
            "weight" => l.err_weight,
            _ => l.err_profile,
        };
        view! { <p class="notice notice-error" role="alert">{message}" "<bdi>{words.clone()}</bdi></p> }
    });
    let chosen = values.get("level");
    let levels = FitnessLevel::ALL
        .iter()
        .map(|level| {
            view! {
                <option value=level.as_str() selected=chosen == level.as_str()>
                    {l.levels[position(FitnessLevel::ALL, level)]}
                </option>
            }
        })
        .collect_view();
    let injuries = Injury::ALL
        .iter()
        .map(|injury| {
            view! {
                <label class="checkbox">
                    <input type="checkbox" name="injury" value=injury.as_str() checked=values.has("injury", Some(injury.as_str()))/>
                    {l.injury_names[position(Injury::ALL, injury)]}
                </label>
            }
        })
        .collect_view();
    let switch = |name: &'static str, label: &'static str| {
        view! {
            <label class="checkbox"><input type="checkbox" name=name checked=values.has(name, None)/>{label}</label>
        }
    };
    let weight = |id: &'static str, label: &'static str| {
        view! {
            <label for=id>{format!("{label} ({unit})")}</label>
            <input id=id name=id type="text" inputmode="decimal" dir="ltr" required value=values.get(id)/>
        }
    };
    view! {
        <section class="card" id="training" aria-labelledby="training-heading">
            <h2 id="training-heading">{l.training_title}</h2>
            <p class="hint">{l.training_intro}</p>
            {error}
            <form class="stack" method="post" action="/settings/profile">
                <label for="level">{l.level}</label>
                <select id="level" name="level">
                    <option value="" selected=chosen.is_empty()>{l.level_unset}</option>
                    {levels}
                </select>
                <fieldset class="stack">
                    <legend>{l.injuries}</legend>
                    {injuries}
                </fieldset>
                <label for="preferred">{l.preferred}</label>
                <input id="preferred" name="preferred" type="text" maxlength="2000" dir="auto"
                    value=values.get("preferred") aria-describedby="names-hint"/>
                <label for="avoided">{l.avoided}</label>
                <input id="avoided" name="avoided" type="text" maxlength="2000" dir="auto"
                    value=values.get("avoided") aria-describedby="names-hint"/>
                <small id="names-hint" class="hint">{l.names_hint}</small>
                <label for="rep_ranges">{l.rep_ranges}</label>
                <textarea id="rep_ranges" name="rep_ranges" rows="3" maxlength="2000" dir="auto"
                    aria-describedby="rep-ranges-hint">{crate::app::raw_text(values.get("rep_ranges"))}</textarea>
                <small id="rep-ranges-hint" class="hint">{l.rep_ranges_hint}</small>
                <fieldset class="stack">
                    <legend>{l.switches}</legend>
                    {switch("reminders", l.reminders)}
                    {switch("achievements", l.achievements)}
                    {switch("weekly_reports", l.weekly_reports)}
                </fieldset>
                <fieldset class="stack">
                    <legend>{l.gym}</legend>
                    {weight("bar", l.bar)}
                    <label for="plates">{format!("{} ({unit})", l.plates)}</label>
                    <input id="plates" name="plates" type="text" dir="ltr" required value=values.get("plates")/>
                    {weight("dumbbell_step", l.dumbbell_step)}
                    {weight("machine_step", l.machine_step)}
                </fieldset>
                <button type="submit" class="btn btn-primary">{l.save_profile}</button>
            </form>
        </section>
    }
}
