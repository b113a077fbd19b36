import stageStyles from "./fleet-overview.module.css";
import styles from "./map-canvas.module.css";

/** Stands where the map will be while maplibre loads; `isStage` when the whole map stage is still to come. */
export function MapPlaceholder({ isStage = false }: { isStage?: boolean }) {
  return (
    <div className={`${isStage ? stageStyles.stage : styles.canvas} ${styles.placeholder}`}>
      Loading the map…
    </div>
  );
}
