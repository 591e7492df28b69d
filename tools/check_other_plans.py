#!/usr/bin/env python3
"""Check the plan files transcribed from seeds 002, 003 and 004 and the agency registry.

    python3 tools/check_other_plans.py [--plans DIR] [--seeds DIR]

Files checked (in data/plans/):
  action-plan-2026-2028.json        (seed 002)
  decree-2018-digital-government.json (seed 004)
  agencies.json                     (all seeds; the canonical agency registry)
  timeline.json                     (acts and events from all seeds)

Checks: valid JSON and formatVersion 1; ids and codes unique; every referenced agency id
defined in the file itself and in agencies.json; measure numbering 6.1.X.2.1 … N consecutive
per direction; decree numbering 1 … 10 and its sub-points consecutive; dates well formed.
Then the seeds are counted independently (regular expressions over the item codes and the
dated acts) and the source counts are printed next to the JSON counts. Stdlib only.
Seeds are read from --seeds, $AZPLAN_SEEDS, or /work/shared/seeds. Exit status 1 on any error.
"""
import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
S2 = '002_8f542b5fdb344be3.txt'
S3 = '003_048daa5a2a6a0774.txt'
S4 = '004_4a8fd719339f8904.txt'
SEEDS = ['000_05dd3645102dbe15.txt', '001_a4cdf8234126cf2f.txt', S2, S3, S4]
FILES = ['action-plan-2026-2028.json', 'decree-2018-digital-government.json',
         'agencies.json', 'timeline.json']
ID_RE = re.compile(r'^[a-z0-9-]+$')
DATE_RE = re.compile(r'^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$')
MONTHS = {'yanvar': 1, 'fevral': 2, 'mart': 3, 'aprel': 4, 'may': 5, 'iyun': 6, 'iyul': 7,
          'avqust': 8, 'sentyabr': 9, 'oktyabr': 10, 'noyabr': 11, 'dekabr': 12}

errors = []


def err(msg):
    errors.append(msg)
    print('ERROR:', msg)


def load(path):
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        raw = raw[3:]
    text = raw.decode('utf-8')
    if re.search(r'\\u[0-9a-fA-F]{4}', text):
        err(f'{os.path.basename(path)}: contains \\u escapes (write real UTF-8)')
    data = json.loads(text)
    if data.get('formatVersion') != 1:
        err(f'{os.path.basename(path)}: formatVersion is not 1')
    return data


def walk_nodes(nodes, parent=None):
    for n in nodes:
        yield n, parent
        yield from walk_nodes(n.get('children', []), n)


def seq_ok(nums):
    return nums == list(range(1, len(nums) + 1))


def seed_lines(seeds, name):
    return open(os.path.join(seeds, name), encoding='utf-8').read().split('\n')


def joined(seeds, name):
    """Seed text with line-end hyphenation undone and whitespace collapsed."""
    t = open(os.path.join(seeds, name), encoding='utf-8').read()
    t = re.sub(r'(?<=[^\s\d])-\s*\n\s*(?=[a-zəıöüçşğ])', '', t)
    return re.sub(r'\s+', ' ', t)


def check_agency_refs(fname, plan, registry_ids):
    own = {a['id'] for a in plan.get('agencies', [])}
    refs = collections.Counter()
    for doc in plan.get('documents', []):
        for n, _ in walk_nodes(doc.get('nodes', [])):
            for key in ('lead', 'coExecutors'):
                for aid in n.get(key, []):
                    refs[aid] += 1
                    if aid not in own:
                        err(f'{fname}: {doc["id"]}/{n["code"]} {key} {aid!r} not in the file\'s agencies')
                    if aid not in registry_ids:
                        err(f'{fname}: {doc["id"]}/{n["code"]} {key} {aid!r} not in agencies.json')
    for aid in own - registry_ids:
        err(f'{fname}: agency {aid!r} is not in agencies.json')
    return refs


def check_plan_common(fname, plan):
    ids = [a['id'] for a in plan.get('agencies', [])]
    for aid in ids:
        if not ID_RE.match(aid):
            err(f'{fname}: bad agency id {aid!r}')
    for aid, c in collections.Counter(ids).items():
        if c > 1:
            err(f'{fname}: agency id {aid!r} repeated')
    node_ids = collections.Counter()
    for doc in plan.get('documents', []):
        codes = collections.Counter()
        for n, _ in walk_nodes(doc.get('nodes', [])):
            codes[n['code']] += 1
            node_ids[n.get('id', doc['id'] + '/' + n['code'])] += 1
            p = n.get('period')
            if p:
                for k in ('start', 'end'):
                    if k in p and not isinstance(p[k], int):
                        err(f'{fname}: {n["code"]} period.{k} is not a year')
        for c, k in codes.items():
            if k > 1:
                err(f'{fname}: {doc["id"]}: code {c!r} repeated')
        if 'approved' in doc and not DATE_RE.match(doc['approved']):
            err(f'{fname}: {doc["id"]}: bad approved date {doc["approved"]!r}')
    for i, k in node_ids.items():
        if k > 1:
            err(f'{fname}: node id {i!r} repeated')
    kids = collections.Counter(k['id'] for k in plan.get('kpis', []))
    for i, k in kids.items():
        if k > 1:
            err(f'{fname}: kpi id {i!r} repeated')


# ---------------------------------------------------------------- 002
def check_002(plan, seeds, registry):
    fname = 'action-plan-2026-2028.json'
    doc = plan['documents'][0]
    if doc['id'] != 'action-plan-2026-2028' or doc['kind'] != 'actionPlan':
        err(f'{fname}: wrong document id/kind')
    if doc.get('period') != {'start': 2026, 'end': 2028}:
        err(f'{fname}: period is not 2026–2028')
    lines = seed_lines(seeds, S2)
    # independent source counts: item codes at line starts
    src_meas = collections.Counter()
    src_res = collections.Counter()
    src_risk = collections.Counter()
    src_kpi = src_goal = 0
    meas_nums = collections.defaultdict(list)
    for l in lines:
        m = re.match(r'\s*6\.1\.(\d)\.([234])\.(\d+)\.\s', l)
        if m:
            d, kind, n = m.group(1), m.group(2), int(m.group(3))
            {'2': src_meas, '3': src_res, '4': src_risk}[kind][d] += 1
            if kind == '2':
                meas_nums[d].append(n)
        if re.match(r'\s*4\.1\.\d+\.\s', l):
            src_kpi += 1
        if re.match(r'\s*5\.1\.\d+\.\s', l):
            src_goal += 1
    for d, nums in meas_nums.items():
        if not seq_ok(nums):
            err(f'002 source: measure numbers of 6.1.{d} not consecutive: {nums}')
    directions = [n for n in doc['nodes'] if n['kind'] == 'direction']
    print('002  Action Plan 2026–2028 (action-plan-2026-2028.json)')
    print('     direction  measures src/json  results src/json  risks src/json')
    tot = [0] * 6
    for dn in directions:
        d = dn['code'].split('.')[-1]
        ms = [c for c in dn.get('children', []) if c['kind'] == 'measure']
        nums = []
        for c in ms:
            m = re.fullmatch(re.escape(dn['code']) + r'\.2\.(\d+)', c['code'])
            if not m:
                err(f'{fname}: measure code {c["code"]} not under {dn["code"]}.2')
                continue
            nums.append(int(m.group(1)))
            if not c.get('executorsPending') or c.get('lead', []) != [] or 'period' in c:
                err(f'{fname}: {c["code"]} must have executorsPending, no lead and no period')
            if not c.get('title'):
                err(f'{fname}: {c["code"]} has no title')
        if not seq_ok(nums):
            err(f'{fname}: measures of {dn["code"]} not numbered 1..N without gaps: {nums}')
        er = len(dn.get('expectedResults', []))
        rk = dn.get('risks', [])
        for r in rk:
            if not r.get('risk') or not r.get('mitigation'):
                err(f'{fname}: {dn["code"]}: risk without text or mitigation')
        if not dn.get('rationale'):
            err(f'{fname}: {dn["code"]} has no rationale')
        row = [src_meas[d], len(ms), src_res[d], er, src_risk[d], len(rk)]
        tot = [a + b for a, b in zip(tot, row)]
        print(f'     {dn["code"]:9}  {row[0]:8}/{row[1]:<4}  {row[2]:7}/{row[3]:<4}  {row[4]:5}/{row[5]:<4}')
        for a, b, what in ((row[0], row[1], 'measures'), (row[2], row[3], 'expected results'), (row[4], row[5], 'risks')):
            if a != b:
                err(f'{fname}: {dn["code"]} {what}: source {a}, JSON {b}')
    print(f'     total      {tot[0]:8}/{tot[1]:<4}  {tot[2]:7}/{tot[3]:<4}  {tot[4]:5}/{tot[5]:<4}')
    if len(directions) != 5 or len(set(src_meas) | set(src_res)) != 5:
        err(f'{fname}: expected 5 directions, JSON has {len(directions)}')
    kpis = [k for k in plan.get('kpis', []) if k.get('documentId') == doc['id']]
    for k in kpis:
        if k.get('kind') != 'target':
            err(f'{fname}: kpi {k["id"]} kind is not target')
    goals = doc.get('goals', [])
    print(f'     KPIs (4.1.N) source {src_kpi} / JSON {len(kpis)};  goals (5.1.N) source {src_goal} / JSON {len(goals)}')
    if src_kpi != len(kpis):
        err(f'{fname}: KPIs source {src_kpi}, JSON {len(kpis)}')
    if src_goal != len(goals):
        err(f'{fname}: goals source {src_goal}, JSON {len(goals)}')
    if [g['code'] for g in goals] != [f'5.1.{i}' for i in range(1, len(goals) + 1)]:
        err(f'{fname}: goal codes not 5.1.1..N')
    # section 9: acronyms must be in the registry
    reg_acr = {}
    for a in registry:
        for x in a.get('acronyms', []):
            reg_acr.setdefault(x, []).append(a)
    start = next(i for i, l in enumerate(lines) if l.strip() == '9. Akronimlər')
    n9 = n9_bad = 0
    for l in lines[start + 1:]:
        m = re.match(r'\s*(\S+) – (.+?)\s*$', l)
        if not m:
            continue
        n9 += 1
        acr, full = m.group(1), m.group(2)
        hits = reg_acr.get(acr, [])
        if len(hits) != 1:
            n9_bad += 1
            err(f'agencies.json: acronym {acr} of 002 section 9 found {len(hits)} times')
        elif full not in hits[0]['variants']:
            n9_bad += 1
            err(f'agencies.json: {hits[0]["id"]}: variant {full!r} (002 section 9) missing')
    own = {a['id']: a for a in plan['agencies']}
    print(f'     section 9 acronyms: source {n9} / matched in registry {n9 - n9_bad} / agencies in this file {len(own)}')


# ---------------------------------------------------------------- 004
def check_004(plan, seeds):
    fname = 'decree-2018-digital-government.json'
    doc = plan['documents'][0]
    if doc.get('approved') != '2018':
        err(f'{fname}: approved must be "2018"')
    # The text carries no date: the year and the period are inferred and must say so.
    if doc.get('approvedFromSource') is not False:
        err(f'{fname}: approved "2018" is not in the source: approvedFromSource must be false')
    if doc.get('periodFromSource') is not False:
        err(f'{fname}: the period is not in the source: periodFromSource must be false')
    open_ended = 0
    lines = seed_lines(seeds, S4)
    top, sub = [], collections.defaultdict(list)
    src_months = {}
    words = {'bir': 1, 'iki': 2, 'üç': 3, 'dörd': 4, 'beş': 5, 'altı': 6}
    cur = None
    text_by_code = collections.defaultdict(str)
    for l in lines:
        m2 = re.match(r'\s*(\d+)\.(\d+)\.\s', l)
        m1 = re.match(r'\s*(\d+)\.\s', l)
        if m2:
            sub[int(m2.group(1))].append(int(m2.group(2)))
            cur = f'{m2.group(1)}.{m2.group(2)}'
        elif m1:
            top.append(int(m1.group(1)))
            cur = m1.group(1)
        if cur:
            text_by_code[cur] += ' ' + l.strip()
    for code, t in text_by_code.items():
        m = re.search(r'(\w+)\s+ay\s+müddətində', t)
        if m and m.group(1) in words:
            src_months[code] = words[m.group(1)]
    if not seq_ok(top):
        err(f'004 source: top-level points not 1..N: {top}')
    for p, nums in sub.items():
        if not seq_ok(nums):
            err(f'004 source: sub-points of {p} not consecutive: {nums}')
    src_assign = sum(len(v) for v in sub.values()) + sum(1 for p in top if p not in sub)
    src_sections = len(sub)
    nodes = doc['nodes']
    if [n['code'] for n in nodes] != [str(p) for p in top]:
        err(f'{fname}: top-level codes {[n["code"] for n in nodes]} != source {top}')
    assign = sections = 0
    months = {}
    for n, parent in walk_nodes(nodes):
        if n['kind'] == 'section':
            sections += 1
            nums = [int(c['code'].split('.')[1]) for c in n.get('children', [])]
            if not seq_ok(nums) or any(c['kind'] != 'assignment' for c in n.get('children', [])):
                err(f'{fname}: section {n["code"]} children not assignments {n["code"]}.1..N')
        elif n['kind'] == 'assignment':
            assign += 1
            if not n.get('lead'):
                err(f'{fname}: assignment {n["code"]} has no lead')
            p = n.get('period', {})
            if 'withinMonths' in p:
                months[n['code']] = p['withinMonths']
                if not p.get('text'):
                    err(f'{fname}: {n["code"]}: withinMonths without period.text')
            elif p == {'ongoing': True}:
                # An open-ended duty: no year of its own, and no invented end year.
                open_ended += 1
                if n.get('periodFromSource') is not False:
                    err(f'{fname}: {n["code"]}: open-ended duty without periodFromSource: false')
            elif p != {'start': 2018, 'end': 2018}:
                err(f'{fname}: {n["code"]}: period is neither withinMonths, open-ended nor 2018')
            elif n.get('periodFromSource') is not False:
                # The decree's text carries no date: 2018 is inferred, not read.
                err(f'{fname}: {n["code"]}: inferred 2018 period without periodFromSource: false')
        else:
            err(f'{fname}: unexpected node kind {n["kind"]}')
    print('004  Decree 2018 (decree-2018-digital-government.json)')
    print(f'     top-level points source {len(top)} / JSON {len(nodes)};  sections source {src_sections} / JSON {sections};'
          f'  assignments source {src_assign} / JSON {assign}')
    print(f'     relative deadlines source {src_months} / JSON {months}')
    if src_assign != assign or src_sections != sections:
        err(f'{fname}: counts differ from the source')
    if src_months != months:
        err(f'{fname}: relative deadlines differ from the source')


# ---------------------------------------------------------------- timeline
def check_timeline(plan, seeds):
    fname = 'timeline.json'
    evs = plan.get('events', [])
    for e in evs:
        if not ID_RE.match(e['id']):
            err(f'{fname}: bad event id {e["id"]!r}')
        if not DATE_RE.match(e.get('date', '')):
            err(f'{fname}: {e["id"]}: bad date {e.get("date")!r}')
        if e.get('kind') not in ('act', 'event', 'milestone'):
            err(f'{fname}: {e["id"]}: bad kind')
        if e.get('source') not in SEEDS:
            err(f'{fname}: {e["id"]}: source {e.get("source")!r} is not a seed file')
    for i, k in collections.Counter(e['id'] for e in evs).items():
        if k > 1:
            err(f'{fname}: event id {i!r} repeated')
    by_year = collections.Counter(e['date'][:4] for e in evs)
    kinds = collections.Counter(e['kind'] for e in evs)
    print(f'TL   Timeline (timeline.json): {len(evs)} events ({", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))})')
    print('     per year: ' + ', '.join(f'{y}: {c}' for y, c in sorted(by_year.items())))
    print('     from 003 (2013 bulletin): ' + str(sum(1 for e in evs if e['source'] == S3)) +
          f'; dated 2013: {by_year.get("2013", 0)}')
    # every "YYYY-cü il D month tarixli [N nömrəli]" act in the seeds is in the timeline
    acts = {(e['date'], e.get('number')) for e in evs}
    dates = {e['date'] for e in evs}
    found = []
    for name in SEEDS:
        t = joined(seeds, name)
        for m in re.finditer(r'(\d{4})-c[iıuü] il (\d{1,2}) (\w+) tarixli(?: (\S+) nömrəli)?', t):
            y, d, mon, num = m.group(1), int(m.group(2)), m.group(3), m.group(4)
            if mon not in MONTHS:
                continue
            date = f'{y}-{MONTHS[mon]:02d}-{d:02d}'
            found.append((name[:3], date, num))
    uniq = sorted(set((d, n) for _, d, n in found), key=lambda x: (x[0], x[1] or ''))
    missing = [(d, n) for d, n in uniq if ((d, n) not in acts if n else d not in dates)]
    print(f'     dated acts in the seeds ("… tarixli [N nömrəli]"): {len(found)} mentions, {len(uniq)} distinct;'
          f' in timeline {len(uniq) - len(missing)}')
    for d, n in missing:
        err(f'{fname}: dated act {d} No {n} in the seeds is missing from the timeline')
    for e in evs:
        if e.get('documentId') and e['documentId'] not in ('state-programme-2016-2020', 'roadmap-telecom-2016',
                                                             'action-plan-2026-2028', 'decree-2018-digital-government'):
            err(f'{fname}: {e["id"]}: unknown documentId {e["documentId"]}')


# ---------------------------------------------------------------- registry
def check_registry(reg, plans_dir):
    fname = 'agencies.json'
    extra = set(reg) - {'formatVersion', 'id', 'title', 'agencies'}
    if extra or reg.get('id') != 'agencies':
        err(f'{fname}: must hold only formatVersion, id "agencies", title, agencies (extra: {sorted(extra)})')
    ags = reg['agencies']
    check_plan_common(fname, reg)
    acr = collections.Counter(x for a in ags for x in a.get('acronyms', []))
    for x, c in acr.items():
        if c > 1:
            err(f'{fname}: acronym {x} on {c} agencies')
    for a in ags:
        if a['name'] not in a['variants'] and not a.get('nameFromSource') is False:
            err(f'{fname}: {a["id"]}: name not among variants')
        for nm in a.get('names', []):
            for k in ('from', 'to'):
                if k in nm and not DATE_RE.match(nm[k]):
                    err(f'{fname}: {a["id"]}: bad names.{k}')
        if 'successor' in a and a['successor'].get('id') not in {x['id'] for x in ags}:
            err(f'{fname}: {a["id"]}: successor not defined')
    required = ['mincom', 'minecon', 'minjustice', 'mineducation', 'minhealth', 'mintax', 'minfinance',
                'minlabour', 'mia', 'mfa', 'cbar', 'asan', 'sme-agency', 'anas', 'property-committee', 'fmsa',
                'radio-frequency-commission', 'cabinet', 'sso', 'statistics-committee', 'customs-committee',
                'copyright-agency', 'standards-committee', 'national-tv-radio-council', 'mincult', 'mod', 'mes',
                'mns', 'dsmf', 'diaspora-committee', 'youth-ministry', 'presidential-administration', 'ehim',
                'state-security-service']
    ids = {a['id'] for a in ags}
    for r in required:
        if r not in ids:
            err(f'{fname}: required id {r} missing')
    mincom = next(a for a in ags if a['id'] == 'mincom')
    print(f'REG  Agency registry (agencies.json): {len(ags)} agencies, {sum(len(a.get("names", [])) for a in ags)} names entries,'
          f' {len(acr)} acronyms; mincom lineage: ' + ' → '.join(n['name'] for n in mincom.get('names', [])))
    # the other transcribers' plan files must use registry ids too (information)
    for f in sorted(os.listdir(plans_dir)):
        if f.endswith('.json') and f not in FILES:
            try:
                other = json.load(open(os.path.join(plans_dir, f), encoding='utf-8-sig'))
            except Exception as e:  # not ours to fix; report only
                print(f'     note: {f} does not load ({e})')
                continue
            miss = sorted({a['id'] for a in other.get('agencies', [])} - ids)
            print(f'     {f}: {len(other.get("agencies", []))} agencies, not in registry: {miss or "none"}')
            for m in miss:
                err(f'{fname}: agency id {m!r} used in {f} is not in the registry')
    return ags


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--plans', default=os.path.join(HERE, '..', 'data', 'plans'))
    ap.add_argument('--seeds', default=os.environ.get('AZPLAN_SEEDS', '/work/shared/seeds'))
    a = ap.parse_args()
    plans = {}
    for f in FILES:
        try:
            plans[f] = load(os.path.join(a.plans, f))
        except Exception as e:
            err(f'{f}: does not load: {e}')
    if errors:
        return 1
    reg = check_registry(plans['agencies.json'], a.plans)
    reg_ids = {x['id'] for x in reg}
    for f in ('action-plan-2026-2028.json', 'decree-2018-digital-government.json'):
        check_plan_common(f, plans[f])
        check_agency_refs(f, plans[f], reg_ids)
    check_002(plans['action-plan-2026-2028.json'], a.seeds, reg)
    check_004(plans['decree-2018-digital-government.json'], a.seeds)
    check_timeline(plans['timeline.json'], a.seeds)
    print(f'{len(errors)} errors' if errors else 'OK: all checks passed')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
