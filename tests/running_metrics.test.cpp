// RunningMetrics on its own: an epoch's loss is the size-weighted mean of its batch losses with
// the penalty kept apart, accuracy counts the batches' correct samples, R² from the running sums
// equals sklearn's r2_score over the whole epoch, and take() starts the next epoch from nothing.
#include <catch2/catch.hpp>

#include "core/backprop.hpp"
#include "support.hpp"

using namespace lab;
using lab::test::random_matrix;

TEST_CASE("Running metrics weight each batch's loss by its size and keep the penalty apart", "[running_metrics]") {
  RunningMetrics running(2, Task::classification);
  // batch of 3 with loss 0.5 + 0.1, batch of 1 with loss 0.9 + 0.1
  Matrix target(2, 3), output(2, 3);
  target << 1, 0, 1,  //
      0, 1, 0;
  output << 0.9, 0.2, 0.4,  //
      0.1, 0.8, 0.6;        // columns 0 and 1 right, column 2 wrong
  running.add({0.5, 0.1}, output, target);
  Matrix target1(2, 1), output1(2, 1);
  target1 << 0, 1;
  output1 << 0.3, 0.7;  // right
  running.add({0.9, 0.1}, output1, target1);
  const Evaluation epoch = running.take();
  // (3 · 0.6 + 1 · 1.0) / 4 = 0.7, of which (3 · 0.1 + 1 · 0.1) / 4 = 0.1 is the penalty
  CHECK(epoch.loss.total() == Approx(0.7).epsilon(1e-15));
  CHECK(epoch.loss.penalty == Approx(0.1).epsilon(1e-15));
  CHECK(epoch.loss.data == Approx(0.6).epsilon(1e-15));
  CHECK(epoch.metric == 0.75);  // 3 of 4

  // take() cleared the sums: the next epoch counts only its own batch
  running.add({0.2, 0.0}, output1, target1);
  const Evaluation next = running.take();
  CHECK(next.loss.total() == Approx(0.2).epsilon(1e-15));
  CHECK(next.metric == 1.0);
}

TEST_CASE("Running R² over mini-batches equals r2_score over the epoch", "[running_metrics]") {
  const Matrix target = random_matrix(2, 10, 1);
  const Matrix output = target + 0.3 * random_matrix(2, 10, 2);
  RunningMetrics running(2, Task::regression);
  running.add({0.0, 0.0}, output.leftCols(4), target.leftCols(4));
  running.add({0.0, 0.0}, output.middleCols(4, 4), target.middleCols(4, 4));
  running.add({0.0, 0.0}, output.rightCols(2), target.rightCols(2));
  CHECK(running.take().metric == Approx(r2_score(output, target)).epsilon(1e-12));

  // constant targets: SS_tot is 0, so R² is 1 for exact outputs and 0 otherwise (as r2_score)
  const Matrix constant = Matrix::Constant(1, 4, 3.0);
  running = RunningMetrics(1, Task::regression);
  running.add({0.0, 0.0}, constant, constant);
  CHECK(running.take().metric == 1.0);
  running.add({0.0, 0.0}, constant.array() + 0.5, constant);
  CHECK(running.take().metric == 0.0);
}

TEST_CASE("A reconstruction's running R² is the variance-weighted R² over the epoch",
          "[running_metrics][reconstruction]") {
  Matrix target = random_matrix(3, 10, 4);
  target.row(0).setZero();  // a pixel that is 0 in every image
  const Matrix output = target + 0.3 * random_matrix(3, 10, 5);
  RunningMetrics running(3, Task::reconstruction);
  running.add({0.0, 0.0}, output.leftCols(6), target.leftCols(6));
  running.add({0.0, 0.0}, output.rightCols(4), target.rightCols(4));
  const double weighted = r2_variance_weighted(output, target);
  CHECK(running.take().metric == Approx(weighted).epsilon(1e-12));
  CHECK(weighted != Approx(r2_score(output, target)).epsilon(1e-6));
}

TEST_CASE("Clearing running metrics forgets the batches added", "[running_metrics]") {
  RunningMetrics running(1, Task::classification);
  Matrix one(1, 2);
  one << 1, 0;
  running.add({5.0, 0.0}, one, one);
  running.clear();
  running.add({1.0, 0.0}, one, one);
  const Evaluation epoch = running.take();
  CHECK(epoch.loss.total() == 1.0);
  CHECK(epoch.metric == 1.0);
}
