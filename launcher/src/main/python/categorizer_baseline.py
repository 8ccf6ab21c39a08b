"""The seed systems' categorizer, as a baseline for `ledgerstream bench categorizer`.

TF-IDF over the description and merchant (words and word pairs) with scikit-learn's
LogisticRegression, the way the seed systems categorize. Trained on the same JSON Lines the Java
side writes; scores each evaluation file and prints one JSON object per line on standard output.

usage: categorizer_baseline.py TRAIN.jsonl EVAL.jsonl [EVAL.jsonl ...]
Needs Debian's python3-sklearn (launcher/src/main/python/install-baseline.sh).
"""
import json
import sys
import time

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.pipeline import make_pipeline
except ImportError:
    print("scikit-learn is missing: run launcher/src/main/python/install-baseline.sh"
          " (Debian's python3-sklearn)", file=sys.stderr)
    sys.exit(3)


def read(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            direction = "moneyin" if not row["amount"].startswith("-") else "moneyout"
            texts.append(" ".join(filter(None, [row["description"], row.get("merchant") or "", direction])))
            labels.append(row["category"])
    return texts, labels


def main():
    train_texts, train_labels = read(sys.argv[1])
    start = time.perf_counter()
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                          LogisticRegression(max_iter=1000))
    model.fit(train_texts, train_labels)
    trained = time.perf_counter() - start
    for path in sys.argv[2:]:
        texts, labels = read(path)
        predicted = model.predict(texts)
        confusions = {}
        for label, guess in zip(labels, predicted):
            if label != guess:
                key = label + " -> " + guess
                confusions[key] = confusions.get(key, 0) + 1
        # one record at a time, as a stream categorizes; and the whole file in one call
        sample = texts[:2000]
        start = time.perf_counter()
        for text in sample:
            model.predict([text])
        single = (time.perf_counter() - start) / len(sample) * 1e6
        start = time.perf_counter()
        model.predict(texts)
        batch = (time.perf_counter() - start) / len(texts) * 1e6
        print(json.dumps({
            "file": path,
            "count": len(labels),
            "accuracy": accuracy_score(labels, predicted),
            "macroF1": f1_score(labels, predicted, average="macro"),
            "confusions": sorted(confusions.items(), key=lambda item: (-item[1], item[0]))[:5],
            "trainSeconds": trained,
            "microsPerRecord": single,
            "microsPerRecordBatch": batch,
        }), flush=True)


if __name__ == "__main__":
    main()
