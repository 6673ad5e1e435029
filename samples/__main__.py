"""python -m samples: write the bundled sample submissions and list what each should do."""

from samples.bundle import write_samples

for path, (status, rule) in sorted(write_samples().items()):
    print(f"{status:9} {rule or '':24} {path}")
