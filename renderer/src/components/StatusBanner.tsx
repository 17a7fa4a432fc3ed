import { useState } from 'react';
import type { LibraryStatus } from '../../../electron/common/api';

/** What the user must know about the library: a recovery from backup, or that it is read-only. */
export function StatusBanner({ status }: { status: LibraryStatus | null }) {
  const [dismissed, setDismissed] = useState(false);
  if (!status || dismissed || (status.messages.length === 0 && !status.readOnly)) return null;
  return (
    <div className="status-banner" role="alert">
      {status.readOnly && (
        <p>
          <strong>Read-only.</strong> Margin will not change this library ({status.libraryDir}).
        </p>
      )}
      {status.messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
