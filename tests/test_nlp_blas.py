"""nlp.use_numpy_blas: the pipeline's model multiplies its matrices with numpy's BLAS, one thread a process."""
from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from kg_builder import pipeline as kg_pipeline


@pytest.mark.slow
def test_nlp_the_pipelines_model_multiplies_through_numpy_not_blis(pipeline: kg_pipeline.Pipeline) -> None:
    embedding = pipeline.nlp.get_pipe("tok2vec").model
    layers_ops = [layer.ops for layer in embedding.walk()]
    assert layers_ops and all(isinstance(ops, NumpyOps) and not ops.use_blis for ops in layers_ops)
    x, y = np.arange(6, dtype="float32").reshape(2, 3), np.ones((3, 2), dtype="float32")
    assert layers_ops[0].gemm(x, y).tolist() == [[3.0, 3.0], [12.0, 12.0]]


@pytest.mark.slow
def test_nlp_numpys_blas_runs_one_thread_once_the_pipeline_is_loaded(pipeline: kg_pipeline.Pipeline) -> None:
    blas = [library for library in threadpool_info() if library["user_api"] == "blas"]
    assert blas and all(library["num_threads"] == 1 for library in blas)
