#!/usr/bin/env python3
"""Writes a made-up report of about N pages for timing newsprint: varied
paragraphs, captions, a signing-unit list and keynote lines, never one
paragraph repeated.  Deterministic for a given seed.

  genreport.py PAGES [SEED] > report.txt
  genreport.py --issue DIR [SEED]

--issue writes an issue of twelve such reports, long and short, of about
sixteen pages in all: DIR/report-01.txt … report-12.txt and DIR/issue.ini
naming them under four sections, with every field of the issue file.
"""
import os
import random
import sys

SUBJECTS = ["市教育局", "產教聯合體理事會", "職業技術學院", "汽車零部件企業",
            "智能製造研究院", "區人力資源和社會保障局", "行業協會", "實訓基地",
            "校企合作辦公室", "新能源汽車產業園"]
VERBS = ["召開", "推動", "建設", "完善", "深化", "組織", "啟動", "總結", "發布", "落實"]
OBJECTS = ["產教融合", "現場工程師培養", "實訓基地共建共享", "課程標準", "雙師型教師隊伍",
           "訂單班", "技能大賽", "學徒制試點", "數字化轉型", "區域人才供需對接"]
CLAUSES = ["圍繞產業鏈佈局專業鏈", "把企業真實項目引入課堂", "建立定期會商機制",
           "共同制定人才培養方案", "形成可複製可推廣的經驗", "提高學生就業質量",
           "促進科研成果轉化", "服務地方經濟社會發展", "健全評價激勵機制",
           "擴大優質教育資源覆蓋面", "推進專業課程與崗位標準對接",
           "全年培訓企業職工三千餘人次"]


def sentence(rng):
    s = rng.choice(SUBJECTS) + rng.choice(VERBS) + rng.choice(OBJECTS)
    for _ in range(rng.randint(1, 4)):
        s += "，" + rng.choice(CLAUSES)
    return s + rng.choice("。。。！")


def paragraph(rng):
    return "".join(sentence(rng) for _ in range(rng.randint(1, 6)))


def report(rng, pages, lead, title=None):
    """The lines of a report of about `pages` pages (a fraction too)."""
    out = [title] if title else []
    out.append(lead)
    # About 1,300 characters of body and a figure make a column; four
    # columns of body per two pages, so ~2 paragraphs a column.
    for i in range(max(2, round(pages * 9))):
        out.append(paragraph(rng))
        if i % 5 == 2:
            out.append("%s%s現場" % (rng.choice(SUBJECTS), rng.choice(OBJECTS)))
        if i % 40 == 20:
            n = rng.randint(6, 30)
            names = "、".join("濱江第%d%s有限公司" % (k + 1, rng.choice(["機械", "電子", "汽車", "物流"]))
                             for k in range(n))
            out.append("會上，成員單位代表集中簽約。包括%s等共%d家單位。" % (names, n))
        if i % 60 == 30:
            for k in range(rng.randint(2, 5)):
                out.append("%s主任%s：《%s的探索與實踐》" % (rng.choice(SUBJECTS), "王李張劉陳"[k], rng.choice(OBJECTS)))
    out.append("（供稿：濱江職業技術學院宣傳部）")
    return "\n".join(out) + "\n"


# The twelve articles of an issue, in pages: a long lead story, short
# notices: 13 pages of text, which set as one story with the masthead,
# contents and colophon make about sixteen.
ISSUE_PAGES = [2, 0.5, 1.5, 1, 1.5, 0.5, 1.5, 1, 1.5, 0.5, 1, 0.5]
SECTIONS = ["要聞", "聯盟動態", "成員風采", "通知公告"]


def issue(folder, rng):
    os.makedirs(folder, exist_ok=True)
    groups = []
    for n, pages in enumerate(ISSUE_PAGES, 1):
        title = "%s%s%s" % (rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS))
        lead = "2025年9月%d日，%s%s%s。" % (n, rng.choice(SUBJECTS), rng.choice(VERBS),
                                        rng.choice(OBJECTS))
        name = "report-%02d.txt" % n
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(report(rng, pages, lead, title))
        groups.append("[report %d]\nfile = %s\nsection = %s\n"
                      % (n, name, SECTIONS[(n - 1) * len(SECTIONS) // len(ISSUE_PAGES)]))
    with open(os.path.join(folder, "issue.ini"), "w", encoding="utf-8") as f:
        f.write("[issue]\nmasthead = 濱江產教通訊\nnumber = 2025年第9期\n"
                "serial = 總第33期\ndate = 2025年9月30日\n"
                "publisher = 濱江職業教育集團\neditor = 李明\nreviewer = 張華\n"
                "address = 濱江市學府路1號\nphone = 0571-8800 1234\n"
                "email = news@binjiang.example\nprint-run = 500份\n\n")
        f.write("\n".join(groups))


def main():
    if sys.argv[1] == "--issue":
        issue(sys.argv[2], random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1))
        return
    pages = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    lead = "2025年9月1日上午，第%d屆產教融合發展論壇在濱江職業技術學院開幕。" % pages
    sys.stdout.write(report(rng, pages, lead))


if __name__ == "__main__":
    main()
