"""The bench's peer: quarterly served and working from a program folder, with pandas.

usage: /usr/bin/python3 bench/peer_pandas.py PROGRAM_FOLDER
Prints one line per quarter: label, served, working (the figures `outcomes` gives; the bench
checks they agree). Definitions (docs/outcomes.md): served = entered on or before the quarter's
last day and not exited before its first; working = served, and holding a competitive job on at
least one day of the quarter.
"""
import re
import resource
import sys

import pandas as pd

COMPETITIVE = {'cdi', 'cdd', 'interim', 'apprentissage', 'professionnalisation', 'fonction-publique',
               'independant', 'permanent', 'temporary', 'seasonal'}

folder = sys.argv[1]
window = re.search(r'period: \{from: (\S+), to: (\S+)\}', open(f'{folder}/program.yaml').read())
quarters = pd.period_range(window.group(1), window.group(2), freq='Q')
first = quarters.start_time.values
last = quarters.end_time.normalize().values

people = pd.read_csv(f'{folder}/participants.csv', usecols=['id', 'entry_date', 'exit_date'],
                     parse_dates=['entry_date', 'exit_date'])
jobs = pd.read_csv(f'{folder}/jobs.csv', usecols=['participant', 'start_date', 'end_date', 'contract'],
                   parse_dates=['start_date', 'end_date'])

# Served: one row per participant, one column per quarter.
entry = people['entry_date'].values[:, None]
exit_ = people['exit_date'].values[:, None]
served = (entry <= last) & (pd.isna(exit_) | (exit_ >= first))

# Working: competitive jobs of known participants, overlapping a quarter the person is served in.
jobs = jobs[jobs['contract'].str.lower().isin(COMPETITIVE)]
row = pd.Series(range(len(people)), index=people['id'])
jobs = jobs.assign(row=jobs['participant'].map(row)).dropna(subset=['row'])
start = jobs['start_date'].values[:, None]
end = jobs['end_date'].values[:, None]
holds = (start <= last) & (pd.isna(end) | (end >= first)) & served[jobs['row'].astype(int).values]
working = pd.DataFrame(holds).groupby(jobs['row'].astype(int).values).any().sum()

for k, q in enumerate(quarters):
    print(f'{q.year}-Q{q.quarter}', int(served[:, k].sum()), int(working[k]))

# Peak RSS for the bench (KB on Linux).
print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
