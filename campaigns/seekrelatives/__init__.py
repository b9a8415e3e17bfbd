"""为烈士寻亲: the seek-relatives campaign, from a clue to a family found.

A campaign page lists the martyrs whose families are sought; the public sends clues (线索)
without an account and follows them with a tracking code; the group 寻亲专班 works each
case (received → 核实 → DNA比对 → 认亲成功 / 未能匹配 / 结案); a confirmed case may become a
success story. See ``docs/seekrelatives.md``.
"""
