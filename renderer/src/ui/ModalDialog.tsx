import type { ReactNode } from 'react';

/** A modal over the whole window: backdrop, dialog semantics, and Escape to close. */
export function ModalDialog(props: {
  className: string;
  role?: 'dialog' | 'alertdialog';
  labelledBy: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="dialog-backdrop">
      <div
        className={`dialog ${props.className}`}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        data-testid={props.testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onClose();
          }
        }}
      >
        {props.children}
      </div>
    </div>
  );
}
