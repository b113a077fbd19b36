// A delivery worker as a child process, for the test that kills one mid-batch: the same pass the
// reconciler's leader runs each tick (deliverDue), in a loop, without the reconciler's other steps.
import { deliverDue } from "./worker";

for (;;) {
  await deliverDue({ concurrency: 2 });
  await new Promise((resolve) => setTimeout(resolve, 100));
}
