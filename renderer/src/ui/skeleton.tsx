type Props = { width?: string; height?: string; shape?: 'line' | 'block' | 'circle'; lines?: number };

/** A placeholder of the content's shape while it loads (announced once by the region around it, not per bar). */
export const Skeleton = ({ width, height, shape = 'line', lines = 1 }: Props) => (
  <span className="ui-skeleton-group" aria-hidden="true">
    {Array.from({ length: lines }, (_, index) => (
      <span
        key={index}
        className={`ui-skeleton ui-skeleton--${shape}`}
        // The last line of a paragraph is shorter, as text is.
        style={{ width: lines > 1 && index === lines - 1 ? '60%' : width, height }}
      />
    ))}
  </span>
);
