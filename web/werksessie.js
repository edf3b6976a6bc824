/* page script: placeholder */
