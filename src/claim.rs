//! Claims: what the extract stage produces, in the shape of the `claimex/1` contract.
//!
//! Input: the findings of the extract stage. Output: [`Claim`] values that serialize
//! to exactly the fields of `shared/spec/output.md`:
//!
//! ```json
//! {"id": "count:1204-1225", "kind": "count", "text": "at least 53 countries",
//!  "span": {"start": 1204, "end": 1225}, "sentence": 12, "rule": "counts/qualified-number-noun",
//!  "value": 53, "value_max": null, "unit": "countries", "qualifier": "at_least", "vague": false,
//!  "context": {"attributed_to": null, "places": [], "actors": []}}
//! ```
//!
//! Invariant: `text[span.start..span.end] == claim.text` for the document's cleaned
//! text, and likewise for the nested spans of an attribution.

use serde::{Serialize, Serializer};

use crate::span::Span;

/// The four kinds of claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// How many or how much.
    Count,
    /// A named location.
    Place,
    /// A named person or organisation.
    Actor,
    /// Who says what.
    Attribution,
}

impl ClaimKind {
    /// The kind named `name` (`count`, `place`, `actor`, `attribution`).
    pub fn parse(name: &str) -> Option<ClaimKind> {
        match name {
            "count" => Some(ClaimKind::Count),
            "place" => Some(ClaimKind::Place),
            "actor" => Some(ClaimKind::Actor),
            "attribution" => Some(ClaimKind::Attribution),
            _ => None,
        }
    }

    /// The kind's name as in the output.
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Place => "place",
            ClaimKind::Actor => "actor",
            ClaimKind::Attribution => "attribution",
        }
    }
}

/// One claim.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Stable id: kind and span (`count:1204-1225`), with `#2`... on a rare tie.
    pub id: String,
    /// The kind.
    pub kind: ClaimKind,
    /// The claim's text, exactly `text[span]`.
    pub text: String,
    /// Byte span into the cleaned text.
    pub span: Span,
    /// For text input: the claim's byte span in the original input bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_span: Option<Span>,
    /// Index of the claim's sentence.
    pub sentence: usize,
    /// The rule that produced it (`file/id`).
    pub rule: String,
    /// The kind's own fields.
    #[serde(flatten)]
    pub fields: Fields,
    /// Links to other claims of the document.
    pub context: Context,
    /// With `--explain`: what each capture of the rule held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<Capture>>,
}

/// A named capture and the text it held.
#[derive(Debug, Clone, Serialize)]
pub struct Capture {
    /// The capture's name.
    pub name: String,
    /// What it held.
    pub text: String,
    /// Where.
    pub span: Span,
}

/// The fields of each kind.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Fields {
    /// A count.
    Count(CountFields),
    /// A place.
    Place(PlaceFields),
    /// An actor.
    Actor(ActorFields),
    /// An attribution.
    Attribution(AttributionFields),
}

/// Fields of a count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountFields {
    /// The number (`a quarter of a million` is 250000).
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// Upper end of a range.
    #[serde(serialize_with = "optional_number")]
    pub value_max: Option<f64>,
    /// What is counted; `%` for percentages; an ISO code for money.
    pub unit: Option<String>,
    /// exact, approx, at_least, more_than, at_most, less_than or range.
    pub qualifier: String,
    /// True for hundreds, thousands, dozens.
    pub vague: bool,
}

/// Fields of a place.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceFields {
    /// Canonical English name.
    pub name: String,
    /// country, state, city, region, continent, feature or other.
    pub place_type: String,
}

/// Fields of an actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorFields {
    /// The name, without titles.
    pub name: String,
    /// person or organization.
    pub actor_type: String,
    /// Title or description attached in the text.
    pub role: Option<String>,
}

/// A piece of an attribution: its text and span.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Part {
    /// The text, exactly `text[span]`.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// The source of an attribution.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Source {
    /// The source as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The name a pronoun or description refers to, when clear.
    pub resolved: Option<String>,
}

/// Fields of an attribution.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttributionFields {
    /// Who says it.
    pub source: Source,
    /// The attributing words.
    pub cue: Part,
    /// What is said.
    pub content: Part,
    /// True when the content is a quotation.
    pub direct: bool,
}

/// How a claim ties to others of the document.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Context {
    /// Id of the attribution whose content holds this claim.
    pub attributed_to: Option<String>,
    /// Ids of the places in the same sentence.
    pub places: Vec<String>,
    /// Ids of the actors in the same sentence.
    pub actors: Vec<String>,
}

/// Whole numbers print without a fraction (`100`, not `100.0`).
fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64((*value * 1e6).round() / 1e6)
    }
}

fn optional_number<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => number(value, serializer),
        None => serializer.serialize_none(),
    }
}
