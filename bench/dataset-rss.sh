#!/bin/sh
# Peak RSS and timings of loading and iterating all of ../shared/data/nursery and ../shared/data/speech once
# (target: peak RSS <= 2 GB). Run from the checkout root after `./mvnw -B -q -o test-compile -pl dataset -am`.
# The data set module adds no dependencies beyond core's, so core's classpath serves.
set -e
CP_FILE=core/target/bench.classpath
./mvnw -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="dataset/target/test-classes:dataset/target/classes:core/target/classes:core/target/test-classes:$(cat $CP_FILE)"
/usr/bin/time -v java -Xmx1g -cp "$CP" org.babble.bench.DatasetRssBench "${1:-../shared/data}" 2>&1 \
  | grep -v -E '^\s+(Command being timed|Average|Socket|Signals|Swaps|File system|Page size|Exit status|Minor|Major|Voluntary|Involuntary|Percent)'
