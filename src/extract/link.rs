//! Linking: order claims, give them stable ids and fill in their `context`.
//!
//! Input: claims in any order with empty ids and context. Output: claims sorted by
//! span start, then kind, then span end, then rule; ids `kind:start-end` (a `#2`,
//! `#3`... suffix on the rare tie); each claim's `attributed_to` (the innermost
//! attribution whose content holds it) and the places and actors of its sentence.

use std::collections::BTreeMap;

use crate::claim::{Claim, ClaimKind, Fields};
use crate::span::SpanIndex;

/// Sort, number and link the claims of one document.
pub fn link(mut claims: Vec<Claim>) -> Vec<Claim> {
    claims.sort_by(|a, b| {
        (a.span.start, a.kind, a.span.end, &a.rule, &a.text).cmp(&(b.span.start, b.kind, b.span.end, &b.rule, &b.text))
    });
    assign_ids(&mut claims);
    let contents = Contents::new(&claims);
    let by_sentence = ids_by_sentence(&claims);
    for claim in &mut claims {
        claim.context.attributed_to = contents.innermost(claim);
        let Some((places, actors)) = by_sentence.get(&claim.sentence) else { continue };
        let others = |ids: &Vec<String>| ids.iter().filter(|id| **id != claim.id).cloned().collect();
        claim.context.places = others(places);
        claim.context.actors = others(actors);
    }
    claims
}

/// The contents of a document's attributions, with their position and id.
struct Contents {
    index: SpanIndex<(usize, String)>,
}

impl Contents {
    fn new(claims: &[Claim]) -> Contents {
        let contents = claims.iter().filter_map(|claim| match &claim.fields {
            Fields::Attribution(fields) => Some((fields.content.span, claim.id.clone())),
            _ => None,
        });
        Contents { index: SpanIndex::new(contents.enumerate().map(|(position, (span, id))| (span, (position, id)))) }
    }

    /// The id of the shortest content holding `claim` (the first such attribution on a
    /// tie), other than the claim's own.
    fn innermost(&self, claim: &Claim) -> Option<String> {
        self.index
            .near(claim.span)
            .iter()
            .filter(|(content, (_, id))| *id != claim.id && content.contains(claim.span))
            .min_by_key(|(content, (position, _))| (content.len(), *position))
            .map(|(_, (_, id))| id.clone())
    }
}

fn assign_ids(claims: &mut [Claim]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for claim in claims {
        let base = format!("{}:{}-{}", claim.kind.name(), claim.span.start, claim.span.end);
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        claim.id = if *count == 1 { base } else { format!("{base}#{count}") };
    }
}

/// For each sentence, the ids of its places and of its actors.
fn ids_by_sentence(claims: &[Claim]) -> BTreeMap<usize, (Vec<String>, Vec<String>)> {
    let mut map: BTreeMap<usize, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for claim in claims {
        let entry = map.entry(claim.sentence).or_default();
        match claim.kind {
            ClaimKind::Place => entry.0.push(claim.id.clone()),
            ClaimKind::Actor => entry.1.push(claim.id.clone()),
            _ => {}
        }
    }
    map
}
