"""Target ids in a story's front matter, quoted for the web editor before it reads them.

Writers may write ``targets: [11.7, 17.10]``: the build reads the text as written. The editor's YAML
parser does not: it reads 11.7 as a number, which matches none of the form's choices (so the field looks
empty), and 17.10 as 17.1, which a save would write back as another target. Handing the editor the same
file with the ids quoted (``"17.10"``) shows the targets the writer meant and saves them as they are.
"""

from __future__ import annotations

import yaml

from sdg_stories.content.front_matter import split_front_matter

_NUMBER_TAGS = ("tag:yaml.org,2002:float", "tag:yaml.org,2002:int")


def with_quoted_targets(text: str) -> str:
    """``text`` with every unquoted numeric item of ``targets`` in quotes; unchanged if there is none."""
    split = split_front_matter(text)
    if split is None or "targets" not in split.front_matter:
        return text
    try:
        root = yaml.compose(split.front_matter, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return text  # the editor shows the file as it is; saving it goes through the build's check
    if not isinstance(root, yaml.MappingNode):
        return text
    spans = []
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "targets":
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            spans += [
                (item.start_mark.index, item.end_mark.index, item.value) for item in items
                if isinstance(item, yaml.ScalarNode) and item.style is None and item.tag in _NUMBER_TAGS
            ]
    if not spans or split.front_matter not in text:  # CRLF files: left as they are rather than guessed at
        return text
    front = split.front_matter
    for start, end, raw in sorted(spans, reverse=True):
        front = front[:start] + f'"{raw}"' + front[end:]
    # The front matter starts on the second line, after "---\n"; the file around it stays as it was.
    offset = text.index(split.front_matter) if split.front_matter else 0
    return text[:offset] + front + text[offset + len(split.front_matter):]
