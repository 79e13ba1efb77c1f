"""Peer splitters for score_split.py --py: text -> list of (start, end) code-point spans.

  --py tests/data/sentences/peers.py:pysbd_spans    (pip install pysbd)
  --py tests/data/sentences/peers.py:syntok_spans   (pip install syntok)
"""

_PYSBD = None


def pysbd_spans(text):
    global _PYSBD
    if _PYSBD is None:
        import pysbd
        _PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return [(s.start, s.end) for s in _PYSBD.segment(text)]


def syntok_spans(text):
    from syntok import segmenter
    spans = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            spans.append((sentence[0].offset, sentence[-1].offset + len(sentence[-1].value)))
    return spans
