//! Evaluation: the reference metrics of `shared/eval`, reimplemented.
//!
//! Input: predictions and gold data (texts, sentence lists, claim annotations).
//! Output: scores that agree with `shared/eval/score_clean.py`, `score_split.py`
//! and `score_claims.py`, so an editor can measure a change without Python. The
//! data is read by the command line; these functions do no I/O.

pub mod claims;
pub mod clean;
pub mod split;
